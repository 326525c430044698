package dev.tollgate.coverage;

import java.time.Instant;
import java.util.List;

/**
 * What a run was about, for the table's heading, the JSON verdict and the email.
 *
 * @param rulesFile the rules file as given on the command line
 * @param reports the report paths as given
 * @param commit the built commit, or null
 * @param branch the branch, or null
 * @param baselineDir the baseline directory, or null when deltas are not tracked
 * @param baseline the last passing run of the branch, or null
 */
record RunInfo(String scope, String rulesFile, List<String> reports, String commit, String branch, Instant timestamp,
    String baselineDir, Baseline baseline) {
  RunInfo {
    reports = List.copyOf(reports);
  }

  /** The commit shortened to 12 characters for people, or "(unknown commit)". */
  String shortCommit() {
    if (commit == null || commit.isBlank()) {
      return "(unknown commit)";
    }
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  /** One sentence about what deltas are measured against. */
  String baselineSentence() {
    if (baselineDir == null) {
      return "Delta: not tracked (no --baseline-dir).";
    }
    if (baseline == null) {
      return "Delta: n/a, branch " + branch + " has no passing run recorded yet.";
    }
    return "Delta: percentage points since the last passing run of branch " + branch
        + (baseline.commit() == null ? "" : " (commit " + abbreviate(baseline.commit()) + ")")
        + (baseline.timestamp() == null ? "" : " at " + baseline.timestamp()) + ".";
  }

  private static String abbreviate(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
