package dev.tollgate.probe.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.probe.load.Attempt;
import dev.tollgate.probe.load.Phase;
import dev.tollgate.probe.load.RequestKind;
import dev.tollgate.probe.load.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Instant STARTED = Instant.parse("2026-11-21T05:00:00Z");

  @TempDir
  Path dir;

  private long index;

  /** A request due at {@code dueNanos}, answered {@code status} by {@code instance} after {@code latencyMicros}. */
  private RequestRecord answered(long dueNanos, Phase phase, RequestKind kind, int status, long latencyMicros, String instance) {
    Attempt attempt = new Attempt(dueNanos, phase, kind, status, latencyMicros, instance, status == 0 ? "ConnectException: Connection refused" : null);
    String debitId = kind == RequestKind.CREATE_DEBIT && (status == 201 || status == 402) ? "db_" + index : null;
    return new RequestRecord(index++, dueNanos, phase, kind, List.of(attempt), latencyMicros, debitId, attempt.error());
  }

  private RequestRecord retriedThenCreated(long dueNanos, Phase phase) {
    Attempt first = new Attempt(dueNanos, phase, RequestKind.CREATE_DEBIT, 502, 1_000, "prod-payments-2", null);
    Attempt second = new Attempt(dueNanos + 1_000_000, phase, RequestKind.CREATE_DEBIT, 201, 2_000, "prod-payments-3", null);
    return new RequestRecord(index++, dueNanos, phase, RequestKind.CREATE_DEBIT, List.of(first, second), 3_000, "db_r", null);
  }

  private RequestRecord notSent(long dueNanos, Phase phase) {
    return new RequestRecord(index++, dueNanos, phase, RequestKind.LIST_DEBITS, List.of(), -1, null, "not sent: 3 requests were already in flight");
  }

  /** Before: 4 ok. During: 1 retried-then-ok, 1 failed 503, 1 not sent, 1 ok (second 1). After: 2 ok (second 2). */
  private List<RequestRecord> rollout() {
    List<RequestRecord> records = new ArrayList<>();
    records.add(answered(0, Phase.BEFORE, RequestKind.CREATE_DEBIT, 201, 1_000, "prod-payments-1"));
    records.add(answered(SECOND / 4, Phase.BEFORE, RequestKind.LIST_DEBITS, 200, 2_000, "prod-payments-2"));
    records.add(answered(SECOND / 2, Phase.BEFORE, RequestKind.GET_DEBIT, 200, 3_000, "prod-payments-3"));
    records.add(answered(3 * SECOND / 4, Phase.BEFORE, RequestKind.CREATE_DEBIT, 402, 40_000, "prod-payments-1"));
    records.add(retriedThenCreated(SECOND, Phase.DURING));
    records.add(answered(SECOND + SECOND / 4, Phase.DURING, RequestKind.LIST_DEBITS, 503, 500, null));
    records.add(notSent(SECOND + SECOND / 2, Phase.DURING));
    records.add(answered(SECOND + 3 * SECOND / 4, Phase.AFTER, RequestKind.LIST_DEBITS, 200, 1_500, "prod-payments-2"));
    records.add(answered(2 * SECOND, Phase.AFTER, RequestKind.GET_DEBIT, 200, 2_500, "prod-payments-1"));
    return records;
  }

  @Test
  void eachPhaseCountsItsRequestsFailuresAndNearestRankLatencies() {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of()));

    assertThat(report.summary().phases()).containsExactly(
        new PhaseStats("before", 4, 0, 2.0, 40.0),
        new PhaseStats("during", 3, 2, 0.5, 3.0),
        new PhaseStats("after", 2, 0, 1.5, 2.5));
    assertThat(report.summary().requests()).isEqualTo(9);
    assertThat(report.summary().failed()).isEqualTo(2);
    assertThat(report.summary().retried()).isEqualTo(1);
    assertThat(report.summary().notSent()).isEqualTo(1);
    assertThat(report.summary().p50Ms()).isEqualTo(2.0);
    assertThat(report.summary().p99Ms()).isEqualTo(40.0);
  }

  @Test
  void theSummaryCountsRequestsPerKindByLabel() {
    List<RequestRecord> records = new ArrayList<>(rollout());
    records.add(answered(2 * SECOND, Phase.AFTER, RequestKind.CREATE_CARD, 201, 1_000, "prod-payments-3"));

    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, records, LostCheck.checked(3, List.of()));

    assertThat(report.summary().kinds()).containsExactly(
        Map.entry("GET /v1/debits", 4L), Map.entry("GET /v1/debits/{id}", 2L), Map.entry("POST /v1/cards", 1L), Map.entry("POST /v1/debits", 3L));
  }

  @Test
  void aRetriedRequestThatFinallySucceededIsNotAFailure() {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 1, List.of(retriedThenCreated(0, Phase.STEADY)), LostCheck.checked(1, List.of()));

    assertThat(report.summary().failed()).isZero();
    assertThat(report.passed()).isTrue();
  }

  @Test
  void everyAnswerCountsForTheInstanceThatServedItAndAnswersWithoutTheHeaderAreUnknown() {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of()));

    assertThat(report.summary().instances()).containsExactly(
        java.util.Map.entry("prod-payments-1", 3L), java.util.Map.entry("prod-payments-2", 3L), java.util.Map.entry("prod-payments-3", 2L), java.util.Map.entry("unknown", 1L));
  }

  @Test
  void theSeriesHasOneEntryPerSecondAndPhaseInTimeOrder() {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of()));

    assertThat(report.series()).containsExactly(
        new SecondStats(0, "before", 4, 4, 0, 2.0, 40.0),
        new SecondStats(1, "during", 3, 1, 2, 0.5, 3.0),
        new SecondStats(1, "after", 1, 1, 0, 1.5, 1.5),
        new SecondStats(2, "after", 1, 1, 0, 2.5, 2.5));
  }

  @Test
  void aRunPassesOnlyWithoutFailuresAndWithoutLostDebits() {
    List<RequestRecord> clean = List.of(answered(0, Phase.STEADY, RequestKind.CREATE_DEBIT, 201, 1_000, null));

    assertThat(Report.of("r", "t", 1, STARTED, 1, clean, LostCheck.checked(1, List.of())).passed()).isTrue();
    assertThat(Report.of("r", "t", 1, STARTED, 1, clean, LostCheck.notChecked(1)).passed()).isTrue();
    assertThat(Report.of("r", "t", 1, STARTED, 1, clean, LostCheck.checked(1, List.of("db_0"))).passed()).isFalse();
    assertThat(Report.of("r", "t", 1, STARTED, 1, clean, LostCheck.failed(1, "connection refused")).passed()).isFalse();
    assertThat(Report.of("r", "t", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of())).passed()).isFalse();
  }

  @Test
  void theFailureExamplesNameWhenWhatAndWhy() {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of()));

    assertThat(report.failures()).containsExactly(
        new FailureExample(5, 1.25, "during", "GET /v1/debits", 503, 1, null, null),
        new FailureExample(6, 1.5, "during", "GET /v1/debits", 0, 0, null, "not sent: 3 requests were already in flight"));
  }

  @Test
  void theJsonReportHoldsTheSummaryAndTheSeriesInSnakeCase() throws Exception {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of("db_3")));
    Path file = dir.resolve("report.json");

    JsonReport.write(report, file);

    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.path("run_id").asText()).isEqualTo("run1");
    assertThat(json.path("started_at").asText()).isEqualTo("2026-11-21T05:00:00Z");
    assertThat(json.path("duration_seconds").asDouble()).isEqualTo(2.25);
    assertThat(json.path("passed").asBoolean(true)).isFalse();
    JsonNode summary = json.path("summary");
    assertThat(summary.path("requests").asLong()).isEqualTo(9);
    assertThat(summary.path("failed").asLong()).isEqualTo(2);
    assertThat(summary.path("not_sent").asLong()).isEqualTo(1);
    assertThat(summary.path("phases").get(1).path("phase").asText()).isEqualTo("during");
    assertThat(summary.path("phases").get(1).path("p99_ms").asDouble()).isEqualTo(3.0);
    assertThat(summary.path("lost").path("checked").asBoolean()).isTrue();
    assertThat(summary.path("lost").path("lost").asLong()).isEqualTo(1);
    assertThat(summary.path("lost").path("lost_ids").get(0).asText()).isEqualTo("db_3");
    assertThat(summary.path("instances").path("prod-payments-3").asLong()).isEqualTo(2);
    assertThat(json.path("failures")).hasSize(2);
    JsonNode second = json.path("series").get(1);
    assertThat(second.path("second").asLong()).isEqualTo(1);
    assertThat(second.path("phase").asText()).isEqualTo("during");
    assertThat(second.path("sent").asLong()).isEqualTo(3);
    assertThat(second.path("ok").asLong()).isEqualTo(1);
    assertThat(second.path("failed").asLong()).isEqualTo(2);
    assertThat(second.path("p50_ms").asDouble()).isEqualTo(0.5);
    assertThat(files()).containsExactly("report.json");
  }

  @Test
  void anUncheckedLossIsNullInJsonAndSaidSoInText() throws Exception {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 1, List.of(answered(0, Phase.STEADY, RequestKind.CREATE_DEBIT, 201, 1_000, null)), LostCheck.notChecked(1));

    JsonNode lost = new ObjectMapper().readTree(JsonReport.render(report)).path("summary").path("lost");

    assertThat(lost.path("checked").asBoolean(true)).isFalse();
    assertThat(lost.path("lost").isNull()).isTrue();
    assertThat(TextReport.render(report)).contains("lost: not checked (no --database-url); 1 debits acknowledged").contains("result: PASS");
  }

  @Test
  void theTextSummaryHasARowPerPhaseTotalsLostInstancesFailuresAndTheResult() {
    Report report = Report.of("run1", "http://lb", 4, STARTED, 2.25, rollout(), LostCheck.checked(3, List.of("db_3")));

    String text = TextReport.render(report);

    assertThat(text.lines()).contains(
        "rollout-probe run run1 against http://lb: 4 req/s for 2.3 s",
        "phase     requests   failed    p50 ms    p99 ms",
        "before           4        0       2.0      40.0",
        "during           3        2       0.5       3.0",
        "after            2        0       1.5       2.5",
        "total            9        2       2.0      40.0",
        "kinds: GET /v1/debits 4, GET /v1/debits/{id} 2, POST /v1/debits 3",
        "retried POSTs: 1; not sent (in-flight cap, or no card to charge): 1",
        "lost: 1 of 3 acknowledged debits (checked in the payments database): db_3",
        "instances: prod-payments-1 3, prod-payments-2 3, prod-payments-3 2, unknown 1",
        "failed requests (first 2 of 2):",
        "  #5 at 1.250 s (during) GET /v1/debits: status 503 after 1 attempt",
        "  #6 at 1.500 s (during) GET /v1/debits: status 0 after 0 attempts: not sent: 3 requests were already in flight",
        "result: FAIL");
  }

  private List<String> files() throws Exception {
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
