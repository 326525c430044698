package dev.tollgate.verification;

import java.util.List;

/** The per-suite summary one-shot mode prints, e.g. {@code "  cards     failed   2 of 4 tests failed"}. */
final class Summary {
  private Summary() {}

  static String of(RunReport run) {
    StringBuilder text = new StringBuilder();
    text.append("system verification ").append(run.runId()).append(" against ").append(run.targetUrl())
        .append(" (version ").append(run.productionVersion() == null ? "unknown" : run.productionVersion()).append(")\n");
    int width = run.suites().stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (SuiteResult suite : run.suites()) {
      text.append("  ").append(pad(suite.name(), width)).append("  ").append(pad(suite.status(), 7)).append("  ").append(detail(suite)).append('\n');
      if (suite.failureMessage() != null) {
        text.append("      suite: ").append(oneLine(suite.failureMessage())).append('\n');
      }
      for (TestResult test : suite.tests()) {
        if (TestResult.FAILED.equals(test.status())) {
          text.append("      ").append(test.name()).append(": ").append(oneLine(test.failureMessage())).append('\n');
        }
      }
    }
    for (Housekeeping step : List.of(run.sweep(), run.cleanup())) {
      if (!step.ok()) {
        text.append("  ").append(step.error()).append('\n');
      }
    }
    text.append("  cleanup deleted ").append(run.cleanup().deleted()).append('\n');
    if (run.error() != null) {
      text.append("  ").append(run.error()).append('\n');
    }
    text.append(run.passed() ? "PASSED" : "FAILED").append(": ").append(run.count(TestResult.PASSED)).append(" passed, ")
        .append(run.count(TestResult.FAILED)).append(" failed, ").append(run.count(TestResult.SKIPPED)).append(" skipped\n");
    return text.toString();
  }

  private static String detail(SuiteResult suite) {
    long failed = suite.tests().stream().filter(t -> TestResult.FAILED.equals(t.status())).count();
    return switch (suite.status()) {
      case TestResult.SKIPPED -> suite.skipReason();
      case TestResult.FAILED -> failed + " of " + suite.tests().size() + " tests failed";
      default -> suite.tests().size() + " tests, " + suite.durationMs() + " ms";
    };
  }

  /** A failure message on one line (whitespace runs collapsed), at most 300 characters. */
  private static String oneLine(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + " ...";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
