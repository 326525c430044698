package dev.tollgate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.testkit.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against the real payments service (in-process, random port, real PostgreSQL;
 * fraud and the vault faked) when something goes wrong. Every run offers 60 req/s for 1 s:
 * 60 requests, 18 of them debit POSTs (the mix is a fixed pattern), whatever the answers.
 * {@link HealthyRunIT} covers the run where nothing does.
 */
class RolloutProbeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEBIT_POSTS = 18;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int probe(PaymentsUnderTest payments, Consumer<List<String>> beforeCheck, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--target", payments.url(), "--rate", "60", "--duration-seconds", "1",
        "--database-url", payments.db.jdbcUrl(), "--database-user", "postgres",
        "--report", dir.resolve("report.json").toString(),
        "--verification-token", PaymentsUnderTest.VERIFICATION_TOKEN));
    args.addAll(List.of(extra));
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), beforeCheck, args.toArray(String[]::new));
  }

  private JsonNode report() throws IOException {
    return JSON.readTree(Files.readString(dir.resolve("report.json")));
  }

  @Test
  void debitsTheVaultKeepsFailingAreRetriedOnceWithTheSameKeyThenCountedFailedAndTheRunExitsOne() throws IOException {
    // every third debit's charges all answer 500, so its retry fails too
    try (PaymentsUnderTest payments = new PaymentsUnderTest((distinct, attempt) -> distinct % 3 == 0)) {
      int status = probe(payments, ids -> {});

      assertThat(status).isEqualTo(1);
      JsonNode summary = report().path("summary");
      assertThat(summary.path("failed").asLong()).isEqualTo(DEBIT_POSTS / 3);
      assertThat(summary.path("retried").asLong()).isEqualTo(DEBIT_POSTS / 3);
      assertThat(summary.path("lost").path("lost").asLong(-1)).isZero();
      Map<String, List<PaymentsUnderTest.Charge>> failedDebits = payments.charges().stream().filter(PaymentsUnderTest.Charge::failed)
          .collect(Collectors.groupingBy(PaymentsUnderTest.Charge::reference));
      assertThat(failedDebits).hasSize(DEBIT_POSTS / 3).allSatisfy((reference, charges) -> {
        assertThat(charges).as("charges of %s: the first attempt and one retry", reference).hasSize(2);
        assertThat(charges).extracting(PaymentsUnderTest.Charge::idempotencyKey).containsOnly(reference);
      });
      assertThat(report().path("failures")).allSatisfy(failure -> {
        assertThat(failure.path("request").asText()).isEqualTo("POST /v1/debits");
        assertThat(failure.path("status").asInt()).isEqualTo(502);
        assertThat(failure.path("attempts").asInt()).isEqualTo(2);
      });
      assertThat(out.toString()).contains("result: FAIL");
    }
  }

  @Test
  void aDebitWhoseFirstChargeFailsButWhoseRetrySucceedsIsNotAFailure() throws IOException {
    try (PaymentsUnderTest payments = new PaymentsUnderTest((distinct, attempt) -> distinct % 3 == 0 && attempt == 0)) {
      int status = probe(payments, ids -> {});

      assertThat(status).as("exit status; stdout:%n%s", out).isZero();
      JsonNode summary = report().path("summary");
      assertThat(summary.path("failed").asLong()).isZero();
      assertThat(summary.path("retried").asLong()).isEqualTo(DEBIT_POSTS / 3);
      assertThat(summary.path("lost").path("acknowledged").asLong()).isEqualTo(DEBIT_POSTS);
      assertThat(payments.charges()).hasSize(DEBIT_POSTS + DEBIT_POSTS / 3);
    }
  }

  @Test
  void aCardPostTheVaultFailsTwiceIsOneFailedRequestAndTheNextReadSlotTokenizesAnotherCard() throws IOException {
    // tokenizations 1 and 2: the first card POST of the load and its retry
    try (PaymentsUnderTest payments = new PaymentsUnderTest((distinct, attempt) -> false, n -> n == 1 || n == 2)) {
      int status = probe(payments, ids -> {});

      assertThat(status).isEqualTo(1);
      JsonNode summary = report().path("summary");
      assertThat(summary.path("failed").asLong()).isEqualTo(1);
      assertThat(summary.path("kinds").path("POST /v1/cards").asLong()).isEqualTo(7);
      assertThat(summary.path("lost").path("acknowledged").asLong()).isEqualTo(DEBIT_POSTS);
      assertThat(report().path("failures")).singleElement().satisfies(failure -> {
        assertThat(failure.path("request").asText()).isEqualTo("POST /v1/cards");
        assertThat(failure.path("status").asInt()).isEqualTo(502);
        assertThat(failure.path("attempts").asInt()).isEqualTo(2);
      });
      assertThat(payments.charges()).hasSize(DEBIT_POSTS).noneMatch(PaymentsUnderTest.Charge::failed);
    }
  }

  @Test
  void aDebitDeletedBehindTheProbesBackIsReportedLostAndTheRunExitsOne() throws IOException {
    try (PaymentsUnderTest payments = PaymentsUnderTest.healthy()) {
      List<String> deleted = new ArrayList<>();

      int status = probe(payments, ids -> {
        deleted.add(ids.get(ids.size() / 2));
        assertThat(payments.update("delete from debits where id = ?", deleted.get(0))).isEqualTo(1);
      });

      assertThat(status).isEqualTo(1);
      JsonNode summary = report().path("summary");
      assertThat(summary.path("failed").asLong()).isZero();
      assertThat(summary.path("lost").path("lost").asLong()).isEqualTo(1);
      assertThat(summary.path("lost").path("lost_ids")).extracting(JsonNode::asText).containsExactlyElementsOf(deleted);
      assertThat(report().path("passed").asBoolean(true)).isFalse();
      assertThat(out.toString()).contains("lost: 1 of 18 acknowledged debits").contains(deleted.get(0)).contains("result: FAIL");
    }
  }

  @Test
  void anUnreachableTargetIsBadInputAndNothingRuns() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "--target", "http://127.0.0.1:" + closedPort, "--duration-seconds", "3", "--report", dir.resolve("report.json").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("cannot set up a test marketplace at --target=http://127.0.0.1:" + closedPort).contains("POST /v1/marketplaces got no answer");
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  @Test
  void aDatabaseWithoutADebitsTableIsBadInputAndNoMarketplaceIsCreated() throws IOException {
    TestDatabase empty = TestDatabase.empty("not_payments");
    try (PaymentsUnderTest payments = PaymentsUnderTest.healthy()) {
      int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
          "--target", payments.url(), "--duration-seconds", "3", "--database-url", empty.jdbcUrl(), "--database-user", "postgres");

      assertThat(status).isEqualTo(2);
      assertThat(err.toString()).contains("cannot read table debits at --database-url=").contains("debits");
      assertThat(payments.count("select count(*) from marketplaces")).isZero();
    }
  }
}
