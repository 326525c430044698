package dev.tollgate.verification;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * One-shot mode ({@code --once}, for {@code ./pipeline verify}): one run against TARGET_URL,
 * JUnit XML written by JUnit's own {@link LegacyXmlReportGeneratingListener} when a directory is
 * given, a per-suite summary printed; exit status 0 when the run passed, 1 otherwise.
 */
final class OneShot {
  private OneShot() {}

  /**
   * @param junitXmlDir where to write {@code TEST-junit-jupiter.xml}, or null for none
   * @return the exit status: 0 passed, 1 failed
   * @throws IOException when the XML directory cannot be created
   */
  static int run(Verifier verifier, Path junitXmlDir, PrintStream out) throws IOException {
    List<TestExecutionListener> listeners = new ArrayList<>();
    if (junitXmlDir != null) {
      Files.createDirectories(junitXmlDir);
      listeners.add(new LegacyXmlReportGeneratingListener(junitXmlDir, new PrintWriter(out, true, StandardCharsets.UTF_8)));
    }
    RunReport run = verifier.run(listeners);
    out.print(Summary.of(run));
    if (junitXmlDir != null) {
      out.println("JUnit XML: " + junitXmlDir.toAbsolutePath());
    }
    out.flush();
    return run.passed() ? 0 : 1;
  }

  /** {@link #run(Verifier, Path, PrintStream)} with the production suites. */
  static int run(VerificationConfig config, Path junitXmlDir, PrintStream out, Clock clock) throws IOException {
    return run(Verifier.production(config, clock), junitXmlDir, out);
  }
}
