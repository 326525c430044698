package dev.tollgate.coverage;

import java.util.List;

/**
 * A {@code <rule>} of one scope: the packages its pattern matches must meet every limit.
 *
 * @param line the line of the {@code <rule>} start tag in the rules file
 */
record Rule(PackagePattern pattern, int line, List<Limit> limits) {
  Rule {
    limits = List.copyOf(limits);
  }

  /** How the table and messages name the rule: {@code dev.tollgate.* (line 12)}. */
  String describe() {
    return pattern + " (line " + line + ")";
  }
}
