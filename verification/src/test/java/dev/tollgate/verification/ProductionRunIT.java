package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.client.NewMarketplace;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import dev.tollgate.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run of the real production suites (sweep, version, suites, cleanup), in-process and in
 * one-shot mode, against {@link FakePayments}: the suites pass against an API that keeps its
 * contract and fail, naming the broken behaviour, against one that does not; dependent suites
 * are skipped; the cleanup and the sweeper keep to test data and to the TTL; a wrong token or a
 * target that does not answer fails the run, saying why. Against the real system (every service
 * in one JVM) the same runner is tested by the acceptance suite's {@code SystemVerificationIT}.
 */
class ProductionRunIT {
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration TTL = Duration.ofMinutes(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FakePayments payments;
  private Monitor monitor;
  private HttpService service;

  @BeforeEach
  void startPayments() {
    payments = FakePayments.start();
  }

  @AfterEach
  void stopEverything() {
    if (service != null) {
      service.drainAndStop();
    }
    if (monitor != null) {
      monitor.close();
    }
    payments.close();
  }

  private VerificationConfig config(URI target, String token) {
    return new VerificationConfig(target, token, INTERVAL, TTL, 50, Optional.empty());
  }

  private RunReport run(String token, Clock clock) {
    return Verifier.production(config(payments.url(), token), clock).run(List.of());
  }

  private RunReport run() {
    return run(payments.token(), Clock.systemUTC());
  }

  @Test
  void aRunAgainstAPaymentsKeepingItsContractPassesEverySuiteInOrderAndDeletesWhatItSignedUp() {
    RunReport run = run();

    assertThat(run.status()).as("%s", run).isEqualTo("passed");
    assertThat(run.suites()).extracting(SuiteResult::name, SuiteResult::status)
        .containsExactly(tuple("signup", "passed"), tuple("cards", "passed"), tuple("debits", "passed"), tuple("refunds", "passed"));
    assertThat(run.count(TestResult.PASSED)).isEqualTo(16);
    assertThat(run.productionVersion()).isEqualTo(FakePayments.VERSION);
    assertThat(run.tenant()).isEqualTo(RunContext.NAME_PREFIX + run.runId());
    assertThat(run.sweep().status()).isEqualTo("ok");
    assertThat(run.cleanup().deleted().marketplaces()).as("the tenant and the isolation check's marketplace").isEqualTo(2);
    assertThat(run.cleanup().deleted().cards()).isPositive();
    assertThat(payments.testMarketplaces()).as("test marketplaces left in payments").isEmpty();
  }

  @Test
  void whileTheVaultIsDownTheCardsTestsFailAndDebitsAndRefundsAreSkippedNamingTheirDependency() {
    payments.fault(FakePayments.Fault.VAULT_DOWN);

    RunReport run = run();

    assertThat(run.status()).isEqualTo("failed");
    assertThat(run.suites()).extracting(SuiteResult::name, SuiteResult::status, SuiteResult::skipReason).containsExactly(
        tuple("signup", "passed", null),
        tuple("cards", "failed", null),
        tuple("debits", "skipped", "depends on suite 'cards', which failed"),
        tuple("refunds", "skipped", "depends on suite 'debits', which was skipped"));
    assertThat(run.failedTests()).containsExactlyInAnyOrder("cards.tokenizesAFreshApprovedCard", "cards.aTokenizedCardReadsBackAndIsListed",
        "cards.anotherMarketplaceCannotSeeTheCard", "cards.aNumberFailingTheLuhnCheckIsRefused");
    assertThat(run.suites().get(1).tests()).extracting(TestResult::failureMessage).allMatch(m -> m.contains("upstream_error"));
    assertThat(payments.testMarketplaces()).as("the failed run still cleaned up").isEmpty();
  }

  @Test
  void aPaymentsThatChargesARetryAgainFailsTheIdempotencyTestsAndSkipsRefunds() {
    payments.fault(FakePayments.Fault.IDEMPOTENCY_IGNORED);

    RunReport run = run();

    assertThat(run.failedTests()).containsExactlyInAnyOrder("debits.aRetryWithTheSameIdempotencyKeyReturnsTheFirstDebitAndChargesOnce",
        "debits.reusingAKeyForAnotherAmountIsRefused");
    assertThat(run.suites()).extracting(SuiteResult::name, SuiteResult::status)
        .containsExactly(tuple("signup", "passed"), tuple("cards", "passed"), tuple("debits", "failed"), tuple("refunds", "skipped"));
  }

  @Test
  void aPaymentsThatRefundsMoreThanTheDebitFailsTheRefundsSuite() {
    payments.fault(FakePayments.Fault.OVER_REFUNDS_ACCEPTED);

    RunReport run = run();

    assertThat(run.status()).isEqualTo("failed");
    assertThat(run.failedTests()).containsExactlyInAnyOrder("refunds.refundingMoreThanTheDebitIsRefusedAndRefundsNothing",
        "refunds.aFullyRefundedDebitCannotBeRefundedAgain");
  }

  @Test
  void aWrongTokenFailsTheRunClearlyWithoutNamingTheTokenAndLeavesTheTestDataInPlace() {
    RunReport run = run("not-the-token", Clock.systemUTC());

    assertThat(run.suites()).extracting(SuiteResult::status).containsOnly("passed");
    assertThat(run.status()).isEqualTo("failed");
    assertThat(run.cleanup().status()).isEqualTo("failed");
    assertThat(run.cleanup().error()).contains("401").contains("VERIFICATION_TOKEN").contains("left in place").doesNotContain("not-the-token");
    assertThat(run.sweep().error()).contains("401").doesNotContain("not-the-token");
    assertThat(payments.testMarketplaces()).as("the run's marketplaces are still there").hasSize(2).allMatch(name -> name.startsWith(run.tenant()));
  }

  @Test
  void theCleanupRefusesAMarketplaceThatIsNotTestDataAndTheSweepPassesItBy() {
    NewMarketplace real = payments.seed("a real marketplace", false, Instant.now().minus(Duration.ofDays(1)));
    TestDataCleanup cleanup = new TestDataCleanup(HTTP, payments.url(), payments.token(), Duration.ofSeconds(10));

    assertThatThrownBy(() -> cleanup.deleteMarketplace(real.id()))
        .isInstanceOf(TestDataCleanup.CleanupException.class)
        .hasMessageContaining("403 not_test_data").hasMessageContaining(real.id());
    Deleted swept = cleanup.sweep(Instant.now());

    assertThat(swept).isEqualTo(Deleted.NONE);
    assertThat(payments.exists(real.id())).isTrue();
  }

  @Test
  void theSweeperRemovesTestDataOlderThanTheTtlAndLeavesYoungerData() {
    Instant now = Instant.now();
    NewMarketplace crashed = payments.seed(RunContext.NAME_PREFIX + "crashed", true, now.minus(TTL).minusSeconds(60));
    NewMarketplace young = payments.seed(RunContext.NAME_PREFIX + "still-running", true, now.minus(TTL).plusSeconds(60));

    RunReport run = run(payments.token(), Clock.fixed(now, ZoneOffset.UTC));

    assertThat(run.sweep().status()).isEqualTo("ok");
    assertThat(run.sweep().deleted()).isEqualTo(new Deleted(1, 0, 0, 0));
    assertThat(payments.exists(crashed.id())).isFalse();
    assertThat(payments.exists(young.id())).as("younger than the TTL").isTrue();
    assertThat(run.passed()).isTrue();
  }

  @Test
  void aTargetThatDoesNotAnswerFailsTheRunSayingSoWithoutThrowing() {
    URI gone = payments.url();
    payments.close();

    RunReport run = Verifier.production(config(gone, "token"), Clock.systemUTC()).run(List.of());

    assertThat(run.status()).isEqualTo("failed");
    assertThat(run.sweep().error()).contains("got no answer from " + gone);
    assertThat(run.productionVersion()).isNull();
    assertThat(run.suites()).extracting(SuiteResult::name, SuiteResult::status)
        .containsExactly(tuple("signup", "failed"), tuple("cards", "skipped"), tuple("debits", "skipped"), tuple("refunds", "skipped"));
    assertThat(run.cleanup().status()).as("nothing was signed up, so nothing to delete").isEqualTo("ok");
  }

  @Test
  void oneShotModeExitsZeroWhenEverySuitePassedAndWritesJunitXml(@TempDir Path reports) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = OneShot.run(config(payments.url(), payments.token()), reports, new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

    String xml = Files.readString(reports.resolve("TEST-junit-jupiter.xml"));
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(xml).contains("tests=\"16\"").contains("failures=\"0\"").contains("chargesAFreshApprovedCard");
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  refunds +passed").contains("PASSED: 16 passed, 0 failed, 0 skipped")
        .contains("JUnit XML: " + reports.toAbsolutePath());
  }

  @Test
  void oneShotModeExitsOneWhenASuiteFailedAndTheXmlCarriesTheFailuresAndSkips(@TempDir Path reports) throws IOException {
    payments.fault(FakePayments.Fault.VAULT_DOWN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = OneShot.run(config(payments.url(), payments.token()), reports, new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

    String xml = Files.readString(reports.resolve("TEST-junit-jupiter.xml"));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  cards +failed")
        .containsPattern("(?m)^  debits +skipped +depends on suite 'cards', which failed").contains("FAILED: ");
    assertThat(xml).contains("<failure").contains("tokenizesAFreshApprovedCard").contains("<skipped");
  }

  @Test
  void theServiceRunsOnPostRunsAndAnswersTheStatusWhichGoesStaleWhenNoRunFollows() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    monitor = Monitor.of(config(payments.url(), payments.token()), clock);
    service = HttpService.create("verification", "test", Duration.ofSeconds(1), app -> Main.routing(app, monitor)).start("127.0.0.1", 0);
    URI base = URI.create("http://127.0.0.1:" + service.port());
    assertThat(send(get(base.resolve("/status"))).statusCode()).as("before the first run").isEqualTo(503);

    HttpResponse<String> triggered = send(HttpRequest.newBuilder(base.resolve("/runs")).POST(HttpRequest.BodyPublishers.noBody()).build());
    Await.until("the triggered run is listed", () -> body(send(get(base.resolve("/runs")))).path("runs").size() == 1);
    HttpResponse<String> status = send(get(base.resolve("/status")));

    assertThat(triggered.statusCode()).isEqualTo(202);
    assertThat(body(triggered).path("status").asText()).isEqualTo("queued");
    assertThat(status.statusCode()).as("GET /status: %s", status.body()).isEqualTo(200);
    assertThat(body(status).path("status").asText()).isEqualTo("passed");
    assertThat(body(status).path("production_version").asText()).isEqualTo(FakePayments.VERSION);

    clock.advance(INTERVAL.multipliedBy(2).plusSeconds(1));
    HttpResponse<String> stale = send(get(base.resolve("/status")));

    assertThat(stale.statusCode()).isEqualTo(503);
    assertThat(body(stale).path("status").asText()).isEqualTo("stale");
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).GET().build();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static JsonNode body(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
