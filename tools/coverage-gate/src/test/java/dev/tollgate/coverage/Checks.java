package dev.tollgate.coverage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test support: small, fixed gate runs built in memory (no XML involved). */
final class Checks {
  private Checks() {}

  static Rule rule(String pattern, int line, Counter counter, String minimum) {
    return new Rule(new PackagePattern(pattern), line, List.of(new Limit(counter, new BigDecimal(minimum), line + 1)));
  }

  /** debits fails LINE 94.47% < 95.00% (baseline 95.00%), bank passes, cards fails BRANCH. */
  static List<Check> sample() {
    CoverageReport report = new CoverageReport();
    report.add("dev.tollgate.payments.debits", Counter.LINE, new Tally(9_447, 10_000));
    report.add("dev.tollgate.bank", Counter.LINE, new Tally(80, 100));
    report.add("dev.tollgate.bank", Counter.BRANCH, new Tally(30, 40));
    report.add("dev.tollgate.payments.cards", Counter.LINE, new Tally(96, 100));
    report.add("dev.tollgate.payments.cards", Counter.BRANCH, new Tally(1, 4));
    RuleSet rules = new RuleSet("unit", List.of(
        new Rule(new PackagePattern("*"), 10, List.of(
            new Limit(Counter.LINE, new BigDecimal("0.60"), 11),
            new Limit(Counter.BRANCH, new BigDecimal("0.50"), 12))),
        rule("dev.tollgate.payments.debits", 14, Counter.LINE, "0.95"),
        new Rule(new PackagePattern("dev.tollgate.payments.*"), 17, List.of(
            new Limit(Counter.LINE, new BigDecimal("0.95"), 18),
            new Limit(Counter.BRANCH, new BigDecimal("0.90"), 19)))));
    Map<String, Tally> baseline = Map.of(
        Gate.key("dev.tollgate.payments.debits", Counter.LINE), new Tally(9_500, 10_000),
        Gate.key("dev.tollgate.bank", Counter.LINE), new Tally(78, 100));
    return Gate.evaluate(rules, report, baseline);
  }

  static RunInfo run(Baseline baseline) {
    return new RunInfo("unit", "coverage-rules.xml", List.of("jacoco.xml"), "6c9f010aa1b2c3d4e5f60718293a4b5c6d7e8f90",
        "release", Instant.parse("2026-11-21T05:03:01Z"), "var/coverage", baseline);
  }
}
