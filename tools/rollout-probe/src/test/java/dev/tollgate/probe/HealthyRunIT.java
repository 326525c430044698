package dev.tollgate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One probe run (20 req/s for 3 s: 60 requests, 18 debit POSTs, 6 card POSTs) against the real
 * payments service with healthy fakes behind it; each test checks one thing about that run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthyRunIT {
  private static final int REQUESTS = 60;
  private static final int DEBIT_POSTS = 18;
  /** One card per three debits, the first tokenized at setup (outside the load). */
  private static final int CARD_POSTS = 6;

  private PaymentsUnderTest payments;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Long> debitsAtCheck = new ArrayList<>();
  private final List<Long> succeededAtCheck = new ArrayList<>();
  private int status;
  private JsonNode report;

  @BeforeAll
  void run(@TempDir Path dir) throws IOException {
    payments = PaymentsUnderTest.healthy();
    Path file = dir.resolve("report.json");
    status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), ids -> {
          debitsAtCheck.add(payments.count("select count(*) from debits"));
          succeededAtCheck.add(payments.count("select count(*) from debits where status = 'succeeded'"));
        },
        "--target", payments.url(), "--rate", "20", "--duration-seconds", "3",
        "--database-url", payments.db.jdbcUrl(), "--database-user", "postgres",
        "--report", file.toString(), "--verification-token", PaymentsUnderTest.VERIFICATION_TOKEN);
    report = new ObjectMapper().readTree(Files.readString(file));
  }

  @AfterAll
  void stop() throws IOException {
    payments.close();
  }

  @Test
  void nothingFailsNothingIsLostAndTheRunExitsZero() {
    assertThat(status).as("exit status; stdout:%n%s%nstderr:%n%s", out, err).isZero();
    JsonNode summary = report.path("summary");
    assertThat(summary.path("requests").asLong()).isEqualTo(REQUESTS);
    assertThat(summary.path("failed").asLong()).isZero();
    assertThat(summary.path("lost").path("checked").asBoolean()).isTrue();
    assertThat(summary.path("lost").path("acknowledged").asLong()).isEqualTo(DEBIT_POSTS);
    assertThat(summary.path("lost").path("lost").asLong(-1)).isZero();
    assertThat(report.path("passed").asBoolean()).isTrue();
    assertThat(out.toString()).contains("lost: 0 of 18 acknowledged debits (checked in the payments database)").contains("result: PASS");
  }

  @Test
  void everyDebitIsApprovedAndChargedOnACardThatNoMoreThanThreeDebitsCharge() {
    assertThat(succeededAtCheck).as("debits stored 'succeeded' (answered 201)").containsExactly((long) DEBIT_POSTS);
    assertThat(payments.charges()).hasSize(DEBIT_POSTS);
    assertThat(payments.charges().stream().collect(Collectors.groupingBy(PaymentsUnderTest.Charge::token, Collectors.counting())))
        .hasSize(DEBIT_POSTS / 3).allSatisfy((token, charges) -> assertThat(charges).isEqualTo(3L));
    assertThat(payments.checks().values()).allSatisfy(checks -> assertThat(checks).isLessThanOrEqualTo(3));
  }

  @Test
  void theSummaryCountsEachKindOfRequestCardPostsIncluded() {
    JsonNode kinds = report.path("summary").path("kinds");
    assertThat(kinds.path("POST /v1/debits").asLong()).isEqualTo(DEBIT_POSTS);
    assertThat(kinds.path("POST /v1/cards").asLong()).isEqualTo(CARD_POSTS);
    assertThat(kinds.path("GET /v1/debits").asLong() + kinds.path("GET /v1/debits/{id}").asLong()).isEqualTo(REQUESTS - DEBIT_POSTS - CARD_POSTS);
    assertThat(out.toString()).contains("POST /v1/cards " + CARD_POSTS);
  }

  @Test
  void everyAnswerIsCountedForTheInstanceNamedInXServedByAndEveryRequestIsSteady() {
    JsonNode summary = report.path("summary");
    assertThat(summary.path("instances").path(PaymentsUnderTest.INSTANCE).asLong()).isEqualTo(REQUESTS);
    assertThat(summary.path("phases")).singleElement().satisfies(phase -> {
      assertThat(phase.path("phase").asText()).isEqualTo("steady");
      assertThat(phase.path("requests").asLong()).isEqualTo(REQUESTS);
    });
  }

  @Test
  void theReportHasAPerSecondSeriesAccountingForEveryRequest() {
    JsonNode series = report.path("series");
    assertThat(series).extracting(entry -> entry.path("second").asLong()).containsExactly(0L, 1L, 2L);
    assertThat(series).allSatisfy(entry -> {
      assertThat(entry.path("phase").asText()).isEqualTo("steady");
      assertThat(entry.path("sent").asLong()).isEqualTo(20);
      assertThat(entry.path("ok").asLong()).isEqualTo(20);
      assertThat(entry.path("failed").asLong()).isZero();
      assertThat(entry.path("p50_ms").isNumber()).isTrue();
      assertThat(entry.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(entry.path("p50_ms").asDouble());
    });
  }

  @Test
  void theDebitsAreCheckedBeforeTheTestMarketplaceIsDeletedWithThem() {
    assertThat(debitsAtCheck).containsExactly((long) DEBIT_POSTS);
    assertThat(payments.count("select count(*) from marketplaces where name like 'rollout-probe-%'")).isZero();
    assertThat(payments.count("select count(*) from debits")).isZero();
    assertThat(err.toString()).contains("deleted test marketplace mp_");
  }
}
