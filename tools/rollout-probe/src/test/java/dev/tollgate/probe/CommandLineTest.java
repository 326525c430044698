package dev.tollgate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad options: exit 2 with a message naming the value, before anything is sent (the target is never reachable here). */
class CommandLineTest {
  /** Nothing listens here: were a test to get past validation, it would fail to set up with another message. */
  private static final String TARGET = "http://127.0.0.1:1";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static String[] with(String... args) {
    List<String> all = new ArrayList<>(List.of("--target", TARGET));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  @Test
  void aTargetThatIsNotAnHttpUrlIsBadInputNamingIt() {
    assertThat(run("--target", "ftp://lb:8080", "--duration-seconds", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--target='ftp://lb:8080' is not an http(s) base URL");

    assertThat(run("--target", "127.0.0.1:8080", "--duration-seconds", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--target='127.0.0.1:8080'");
  }

  @Test
  void aRateOutsideOneToTenThousandIsBadInput() {
    assertThat(run(with("--rate", "0", "--duration-seconds", "1"))).isEqualTo(2);
    assertThat(err.toString()).contains("--rate=0 must be from 1 to 10000");

    assertThat(run(with("--rate", "10001", "--duration-seconds", "1"))).isEqualTo(2);
    assertThat(err.toString()).contains("--rate=10001");
  }

  @Test
  void aRateThatIsNotANumberIsBadInputNamingIt() {
    assertThat(run(with("--rate", "fast", "--duration-seconds", "1"))).isEqualTo(2);
    assertThat(err.toString()).contains("--rate").contains("fast");
  }

  @Test
  void exactlyOneOfDurationAndUntilFileIsRequired() {
    assertThat(run(with())).isEqualTo(2);
    assertThat(err.toString()).contains("--duration-seconds").contains("--until-file");

    assertThat(run(with("--duration-seconds", "5", "--until-file", dir.resolve("stop").toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void aDurationBeyondMaxSecondsIsBadInput() {
    assertThat(run(with("--duration-seconds", "60", "--max-seconds", "30"))).isEqualTo(2);
    assertThat(err.toString()).contains("--duration-seconds=60 must be from 1 to --max-seconds (30)");
  }

  @Test
  void aStopFileThatAlreadyExistsIsBadInput() throws IOException {
    Path stop = Files.createFile(dir.resolve("stop"));

    assertThat(run(with("--until-file", stop.toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("--until-file=" + stop + " already exists");
  }

  @Test
  void aReportOrPhaseFileInAMissingDirectoryIsBadInput() {
    Path missing = dir.resolve("nowhere");

    assertThat(run(with("--duration-seconds", "1", "--report", missing.resolve("report.json").toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("--report=" + missing.resolve("report.json") + ": directory " + missing + " does not exist");

    assertThat(run(with("--duration-seconds", "1", "--phase-file", missing.resolve("phase").toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("--phase-file=" + missing.resolve("phase"));
  }

  @Test
  void aDatabaseUrlThatIsNotPostgresJdbcIsBadInputWithoutEchoingItsQuery() {
    assertThat(run(with("--duration-seconds", "1", "--database-url", "postgres://db/payments?password=hunter2"))).isEqualTo(2);
    assertThat(err.toString()).contains("--database-url=postgres://db/payments?… is not a PostgreSQL JDBC URL").doesNotContain("hunter2");
  }

  @Test
  void aDatabaseUserWithoutADatabaseUrlIsBadInput() {
    assertThat(run(with("--duration-seconds", "1", "--database-user", "probe"))).isEqualTo(2);
    assertThat(err.toString()).contains("--database-user=probe needs --database-url");
  }

  @Test
  void aNonPositiveInFlightCapOrTimeoutIsBadInput() {
    assertThat(run(with("--duration-seconds", "1", "--max-in-flight", "0"))).isEqualTo(2);
    assertThat(err.toString()).contains("--max-in-flight=0 must be at least 1");

    assertThat(run(with("--duration-seconds", "1", "--request-timeout-ms", "-5"))).isEqualTo(2);
    assertThat(err.toString()).contains("--request-timeout-ms=-5 must be at least 1");
  }

  @Test
  void badInputWritesNoReport() {
    Path report = dir.resolve("report.json");

    assertThat(run(with("--rate", "0", "--duration-seconds", "1", "--report", report.toString()))).isEqualTo(2);
    assertThat(report).doesNotExist();
    assertThat(out.toString()).isEmpty();
  }
}
