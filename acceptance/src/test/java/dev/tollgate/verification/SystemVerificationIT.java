package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.client.NewMarketplace;
import dev.tollgate.client.PaymentsClient;
import dev.tollgate.client.SignupRequest;
import dev.tollgate.client.TestCards;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import dev.tollgate.stack.InMemoryStack;
import dev.tollgate.testkit.JarProcess;
import dev.tollgate.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against a real payments system started in this JVM ({@link InMemoryStack}): the
 * production suites pass against a healthy stack and leave no test data; a stopped vault turns
 * the status to 503 naming the failed tests, with the dependent suites skipped; the cleanup
 * keeps to test data; the sweeper keeps to its TTL; one-shot mode writes JUnit XML and exits 1
 * when a suite failed.
 *
 * <p>A whole-stack test, so it belongs to the acceptance suite: it runs only with
 * {@code -Pacceptance}, beside {@code AcceptanceIT}, under the same JaCoCo agent. It lives in the
 * verification package (in this module's test sources) because it drives the runner's
 * package-private parts ({@link OneShot}, {@link TestDataCleanup}); the verification module's
 * own tests use a fake payments API instead ({@code FakePayments} there).
 */
class SystemVerificationIT {
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static InMemoryStack stack;

  private Monitor monitor;
  private HttpService service;

  @BeforeAll
  static void startStack() {
    stack = InMemoryStack.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void stopRunner() {
    if (service != null) {
      service.drainAndStop();
    }
    if (monitor != null) {
      monitor.close();
    }
    stack.startVault();
  }

  private static VerificationConfig config(String token) {
    return new VerificationConfig(stack.paymentsUrl(), token, INTERVAL, Duration.ofMinutes(60), 50, Optional.empty());
  }

  private Monitor monitor(String token, Clock clock) {
    monitor = Monitor.of(config(token), clock);
    return monitor;
  }

  private RunReport runOnce(Monitor monitor) throws Exception {
    return monitor.trigger().get(60, TimeUnit.SECONDS);
  }

  private static int testMarketplacesOf(RunReport run) {
    return stack.count("select count(*) from marketplaces where name like ?", run.tenant() + "%");
  }

  private static List<String> suiteStatuses(JsonNode status) {
    return StreamSupport.stream(status.path("last_run").path("suites").spliterator(), false)
        .map(s -> s.path("name").asText() + "=" + s.path("status").asText()).toList();
  }

  @Test
  void aRunAgainstTheHealthyStackPassesEverySuiteLeavesNoTestDataAndGoesStaleWhenNoRunFollows() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    Monitor monitor = monitor(stack.verificationToken(), clock);
    service = HttpService.create("verification", "test", Duration.ofSeconds(1), app -> Main.routing(app, monitor)).start("127.0.0.1", 0);
    URI base = URI.create("http://127.0.0.1:" + service.port());
    assertThat(get(base.resolve("/status")).status()).as("before the first run").isEqualTo(503);

    Answer triggered = send(HttpRequest.newBuilder(base.resolve("/runs")).POST(HttpRequest.BodyPublishers.noBody()).build());
    awaitUntil("the triggered run is listed", () -> get(base.resolve("/runs")).body().path("runs").size() == 1);
    Answer status = get(base.resolve("/status"));

    assertThat(triggered.status()).isEqualTo(202);
    assertThat(status.status()).as("GET /status: %s", status.body()).isEqualTo(200);
    assertThat(status.body().path("status").asText()).isEqualTo("passed");
    assertThat(suiteStatuses(status.body())).containsExactly("signup=passed", "cards=passed", "debits=passed", "refunds=passed");
    assertThat(status.body().findValues("status")).extracting(JsonNode::asText).doesNotContain("failed", "skipped");
    assertThat(status.body().path("production_version").asText()).isEqualTo(get(stack.paymentsUrl().resolve("/health")).body().path("version").asText());
    assertThat(status.body().path("last_run").path("cleanup").path("deleted").path("marketplaces").asInt()).as("the tenant and the isolation check's marketplace").isEqualTo(2);
    assertThat(stack.count("select count(*) from marketplaces where test")).as("test marketplaces left in payments").isZero();
    assertThat(stack.count("select count(*) from cards")).as("cards left in payments").isZero();

    clock.advance(INTERVAL.multipliedBy(2).plusSeconds(1));
    Answer stale = get(base.resolve("/status"));

    assertThat(stale.status()).isEqualTo(503);
    assertThat(stale.body().path("status").asText()).isEqualTo("stale");
  }

  @Test
  void theStatusTurns503NamingTheFailedTestsWhileTheVaultIsDownAndBack200WhenItReturns() throws Exception {
    Monitor monitor = monitor(stack.verificationToken(), Clock.systemUTC());
    runOnce(monitor);
    assertThat(monitor.status().httpStatus()).isEqualTo(200);

    stack.stopVault();
    RunReport broken = runOnce(monitor);
    Monitor.Answer<StatusReport> down = monitor.status();
    String body = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(down.body());
    System.out.println("GET /status while the vault is down:\n" + body);

    assertThat(down.httpStatus()).isEqualTo(503);
    assertThat(down.body().status()).isEqualTo("failed");
    assertThat(down.body().consecutiveFailures()).isEqualTo(1);
    assertThat(down.body().failedTests()).isNotEmpty().allMatch(name -> name.startsWith("cards."))
        .contains("cards.tokenizesAFreshApprovedCard", "cards.aTokenizedCardReadsBackAndIsListed");
    assertThat(down.body().reason()).contains("cards.tokenizesAFreshApprovedCard");
    assertThat(broken.suites()).extracting(SuiteResult::name, SuiteResult::status, SuiteResult::skipReason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("signup", "passed", null),
        org.assertj.core.groups.Tuple.tuple("cards", "failed", null),
        org.assertj.core.groups.Tuple.tuple("debits", "skipped", "depends on suite 'cards', which failed"),
        org.assertj.core.groups.Tuple.tuple("refunds", "skipped", "depends on suite 'debits', which was skipped"));
    assertThat(broken.suites().get(1).tests()).extracting(TestResult::failureMessage).filteredOn(m -> m != null).allMatch(m -> m.contains("upstream"));
    assertThat(testMarketplacesOf(broken)).as("the failed run still cleaned up").isZero();

    stack.startVault();
    runOnce(monitor);

    assertThat(monitor.status().httpStatus()).isEqualTo(200);
    assertThat(monitor.status().body().consecutiveFailures()).isZero();
  }

  @Test
  void aCleanupWithAWrongTokenFailsTheRunClearlyAndLeavesTheTestDataInPlace() throws Exception {
    RunReport run = runOnce(monitor("not-the-token", Clock.systemUTC()));

    assertThat(run.suites()).extracting(SuiteResult::status).containsOnly("passed");
    assertThat(run.status()).isEqualTo("failed");
    assertThat(run.cleanup().status()).isEqualTo("failed");
    assertThat(run.cleanup().error()).contains("401").contains("VERIFICATION_TOKEN").contains("left in place").doesNotContain("not-the-token");
    assertThat(run.sweep().error()).contains("401");
    assertThat(monitor.status().httpStatus()).isEqualTo(503);
    assertThat(testMarketplacesOf(run)).as("the run's marketplaces are still there").isEqualTo(2);

    cleanup(stack.verificationToken()).sweep(Instant.now().plusSeconds(60));
    assertThat(testMarketplacesOf(run)).isZero();
  }

  @Test
  void theCleanupRefusesAMarketplaceThatIsNotTestDataAndTheSweepPassesItBy() {
    PaymentsClient anonymous = PaymentsClient.builder(stack.paymentsUrl()).build();
    NewMarketplace real = anonymous.marketplaces().signup(new SignupRequest("a real marketplace " + System.nanoTime(), null, false));
    anonymous.withApiKey(real.apiKey()).cards().create(TestCards.request(TestCards.uniqueApproved()));
    TestDataCleanup cleanup = cleanup(stack.verificationToken());

    assertThatThrownBy(() -> cleanup.deleteMarketplace(real.id()))
        .isInstanceOf(TestDataCleanup.CleanupException.class)
        .hasMessageContaining("403 not_test_data").hasMessageContaining(real.id());
    Deleted swept = cleanup.sweep(Instant.now().plusSeconds(60));

    assertThat(swept.marketplaces()).isZero();
    assertThat(stack.count("select count(*) from marketplaces where id = ?", real.id())).isEqualTo(1);
    assertThat(stack.count("select count(*) from cards where marketplace_id = ?", real.id())).isEqualTo(1);
  }

  @Test
  void theSweeperRemovesTestDataOlderThanTheTtlAndLeavesYoungerData() throws Exception {
    PaymentsClient anonymous = PaymentsClient.builder(stack.paymentsUrl()).build();
    NewMarketplace leftover = anonymous.marketplaces().signup(SignupRequest.test("sysverify-crashed-" + System.nanoTime()));
    anonymous.withApiKey(leftover.apiKey()).cards().create(TestCards.request(TestCards.uniqueApproved()));

    RunReport young = runOnce(monitor(stack.verificationToken(), Clock.systemUTC()));
    monitor.close();
    assertThat(young.sweep().deleted().marketplaces()).isZero();
    assertThat(stack.count("select count(*) from marketplaces where id = ?", leftover.id())).as("younger than the TTL").isEqualTo(1);

    MutableClock anHourLater = new MutableClock(Instant.now().plus(Duration.ofMinutes(61)));
    RunReport later = runOnce(monitor(stack.verificationToken(), anHourLater));

    assertThat(later.sweep().status()).isEqualTo("ok");
    assertThat(later.sweep().deleted()).isEqualTo(new Deleted(1, 1, 0, 0));
    assertThat(stack.count("select count(*) from marketplaces where id = ?", leftover.id())).isZero();
    assertThat(later.passed()).isTrue();
  }

  @Test
  void oneShotModeExitsZeroWhenEverySuitePassedAndWritesJunitXml(@TempDir Path reports) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = OneShot.run(config(stack.verificationToken()), reports, new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

    String xml = Files.readString(reports.resolve("TEST-junit-jupiter.xml"));
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(xml).contains("tests=\"16\"").contains("failures=\"0\"").contains("chargesAFreshApprovedCard");
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  refunds +passed").contains("PASSED: 16 passed, 0 failed, 0 skipped");
  }

  @Test
  void theRunnableJarInOneShotModeWritesJunitXmlAndExitsOneWhenASuiteFailed(@TempDir Path work) throws Exception {
    stack.stopVault();
    Path reports = work.resolve("reports");

    Process process = JarProcess.run(runnableJar(), work, SystemVerificationIT::readByTheRunner,
        Map.of("TARGET_URL", stack.paymentsUrl().toString(), "VERIFICATION_TOKEN", stack.verificationToken()), "--once", "--junit-xml", reports.toString());

    String output = Files.readString(work.resolve("stdout.txt"));
    String xml = Files.readString(reports.resolve("TEST-junit-jupiter.xml"));
    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output).containsPattern("(?m)^  cards +failed").containsPattern("(?m)^  debits +skipped +depends on suite 'cards', which failed")
        .contains("FAILED: ");
    assertThat(xml).contains("<failure").contains("tokenizesAFreshApprovedCard").contains("<skipped");
  }

  /** The variables the runner reads, which this JVM's environment must not hand the jar. */
  private static boolean readByTheRunner(String name) {
    return name.startsWith("VERIFY") || name.equals("TARGET_URL") || name.equals("VERIFICATION_TOKEN") || name.equals("ALERT_WEBHOOK_URL");
  }

  /**
   * The runnable jar of the verification release under test, which the shade plugin puts beside
   * the verification jar this JVM loaded the runner from: in verification/target/ in a reactor
   * build, in the local Maven repository when the release was installed (the Suites stage).
   */
  private static Path runnableJar() {
    Path loaded;
    try {
      loaded = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError("where the verification classes come from: " + e, e);
    }
    String name = loaded.getFileName().toString();
    assertThat(name).as("the runner's classes come from a jar (package verification first): %s", loaded).endsWith(".jar");
    Path jar = loaded.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-runnable.jar");
    assertThat(jar).as("the runnable jar beside %s", loaded).isRegularFile();
    return jar;
  }

  /** Waits for a condition, polling; the deadline only bounds a hung test, it is not asserted. */
  private static void awaitUntil(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gave up waiting (60 s) for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      }
    }
  }

  private static TestDataCleanup cleanup(String token) {
    return new TestDataCleanup(HTTP, stack.paymentsUrl(), token, Duration.ofSeconds(10));
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
