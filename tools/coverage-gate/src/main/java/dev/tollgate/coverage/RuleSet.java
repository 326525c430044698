package dev.tollgate.coverage;

import java.util.List;
import java.util.Optional;

/**
 * The rules of one scope ({@code unit}, {@code acceptance}, …). For a package, the most specific
 * matching rule applies and no other (see {@link PackagePattern#SPECIFICITY}); the rules loader
 * has already refused files where two equally specific rules could match the same package.
 *
 * @param file the rules file as named in messages
 */
record RuleSet(String file, String scope, List<Rule> rules) {
  RuleSet {
    rules = List.copyOf(rules);
  }

  /** Rules built in memory rather than read from a file. */
  RuleSet(String scope, List<Rule> rules) {
    this("(rules in memory)", scope, rules);
  }

  /** The rule that applies to {@code packageName}, or empty when no rule matches it. */
  Optional<Rule> ruleFor(String packageName) {
    Rule best = null;
    for (Rule rule : rules) {
      if (!rule.pattern().matches(packageName)) {
        continue;
      }
      if (best == null) {
        best = rule;
        continue;
      }
      int order = PackagePattern.SPECIFICITY.compare(rule.pattern(), best.pattern());
      if (order > 0) {
        best = rule;
      } else if (order == 0) {
        // Unreachable for files the loader accepted; kept so a tie can never be decided silently.
        throw new GateException(
            "package " + packageName + " is matched by two equally specific rules of scope " + scope + ": "
                + best.describe() + " and " + rule.describe());
      }
    }
    return Optional.ofNullable(best);
  }
}
