package dev.tollgate.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a coverage report against one scope's rules: every package of the report, by the most
 * specific rule that matches it, on every limit of that rule.
 */
final class Gate {
  private Gate() {}

  /**
   * The checks, in package order and, within a package, in the rule's limit order. A package that
   * no rule matches gets one {@link Check.Result#NOT_GATED} row showing its line coverage.
   *
   * @param baseline tallies of the last passing run keyed by {@link #key}; empty map for none
   * @throws GateException when a rule of the scope matches no package of the report
   */
  static List<Check> evaluate(RuleSet rules, CoverageReport report, Map<String, Tally> baseline) {
    List<String> unmatched = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      if (report.packageNames().stream().noneMatch(rule.pattern()::matches)) {
        unmatched.add(rules.file() + ":" + rule.line() + ": rule package=\"" + rule.pattern() + "\" of scope "
            + rules.scope() + " matches no package in the report(s)");
      }
    }
    if (!unmatched.isEmpty()) {
      throw new GateException(String.join("\n", unmatched)
          + "\n(a typo, or a package renamed or removed: fix the pattern or delete the rule)");
    }
    List<Check> checks = new ArrayList<>();
    for (String name : report.packageNames()) {
      Optional<Rule> rule = rules.ruleFor(name);
      if (rule.isEmpty()) {
        Tally tally = report.tally(name, Counter.LINE);
        checks.add(new Check(name, Counter.LINE, tally, null, null, baseline.get(key(name, Counter.LINE)),
            Check.Result.NOT_GATED));
        continue;
      }
      for (Limit limit : rule.get().limits()) {
        Tally tally = report.tally(name, limit.counter());
        boolean pass = Figures.meets(tally, limit.minimum());
        checks.add(new Check(name, limit.counter(), tally, limit.minimum(), rule.get(),
            baseline.get(key(name, limit.counter())), pass ? Check.Result.PASS : Check.Result.FAIL));
      }
    }
    return checks;
  }

  /** True when no check failed. */
  static boolean passed(List<Check> checks) {
    return checks.stream().noneMatch(c -> c.result() == Check.Result.FAIL);
  }

  /** The failed checks, in table order. */
  static List<Check> failures(List<Check> checks) {
    return checks.stream().filter(c -> c.result() == Check.Result.FAIL).toList();
  }

  /** The failure furthest below its floor (exactly compared); the first in table order on a tie. */
  static Optional<Check> worst(List<Check> checks) {
    Comparator<Check> shortfall =
        (a, b) -> Figures.compareShortfall(a.tally(), a.minimum(), b.tally(), b.minimum());
    Check worst = null;
    for (Check failure : failures(checks)) {
      if (worst == null || shortfall.compare(failure, worst) > 0) {
        worst = failure;
      }
    }
    return Optional.ofNullable(worst);
  }

  /** The key of one package's counter in a baseline: {@code dev.tollgate.bank/LINE}. */
  static String key(String packageName, Counter counter) {
    return packageName + "/" + counter.name();
  }
}
