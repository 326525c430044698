package dev.tollgate.verification;

import java.time.Instant;
import java.util.List;

/** Run reports built by hand for unit tests. */
final class Reports {
  static final Instant START = Instant.parse("2026-11-21T05:00:00Z");

  private Reports() {}

  static RunReport passed(Instant endedAt) {
    List<SuiteResult> suites = List.of(
        new SuiteResult("signup", "passed", 40, List.of(), null, null, List.of(TestResult.passed("signsUp", 40))),
        new SuiteResult("cards", "passed", 60, List.of("signup"), null, null, List.of(TestResult.passed("tokenizes", 30), TestResult.passed("lists", 30))));
    return report("passed", endedAt, suites, Housekeeping.ok(Deleted.NONE), Housekeeping.ok(new Deleted(1, 2, 0, 0)), null);
  }

  static RunReport failed(Instant endedAt) {
    List<SuiteResult> suites = List.of(
        new SuiteResult("signup", "passed", 40, List.of(), null, null, List.of(TestResult.passed("signsUp", 40))),
        new SuiteResult("cards", "failed", 60, List.of("signup"), null, null,
            List.of(TestResult.failed("tokenizes", 30, "ServerException[502 upstream_error]: the vault failed"), TestResult.passed("refusesLuhn", 30))),
        new SuiteResult("debits", "skipped", 0, List.of("cards"), null, "depends on suite 'cards', which failed",
            List.of(TestResult.skipped("charges", "depends on suite 'cards', which failed"))));
    return report("failed", endedAt, suites, Housekeeping.ok(Deleted.NONE), Housekeeping.ok(new Deleted(1, 0, 0, 0)), null);
  }

  static RunReport failedCleanup(Instant endedAt) {
    RunReport passing = passed(endedAt);
    return report("failed", endedAt, passing.suites(), Housekeeping.ok(Deleted.NONE), Housekeeping.failed(Deleted.NONE, "cleanup failed: 401"), null);
  }

  static RunReport report(String status, Instant endedAt, List<SuiteResult> suites, Housekeeping sweep, Housekeeping cleanup, String error) {
    return new RunReport("20261121T050000Z-abc123", status, endedAt.minusSeconds(2), endedAt, 2000, "http://127.0.0.1:8080", "20261121.051724-4a81b31",
        "sysverify-20261121T050000Z-abc123", suites, sweep, cleanup, error);
  }
}
