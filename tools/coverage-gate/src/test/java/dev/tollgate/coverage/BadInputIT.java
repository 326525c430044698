package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with a message naming what is wrong, and writes nothing. */
class BadInputIT {
  private static final String VALID_RULES = """
      <coverage-rules>
        <scope name="unit">
          <rule package="*"><limit counter="LINE" minimum="0.10"/></rule>
        </scope>
      </coverage-rules>
      """;

  @TempDir
  Path dir;

  private Path report;
  private Path verdict;

  @BeforeEach
  void measure() throws Exception {
    report = Files.write(dir.resolve("jacoco.xml"), ReportReaderTest.debitsAndCards().xml());
    verdict = dir.resolve("verdict.json");
  }

  private GateRun gate(String rules, String... more) throws Exception {
    Path file = Files.writeString(dir.resolve("coverage-rules.xml"), rules);
    String[] base = {"--rules", file.toString(), "--scope", "unit", "--report", report.toString(),
        "--verdict", verdict.toString(), "--author-email", "dev@example.com", "--mail-dir", dir.resolve("mail").toString()};
    return GateRun.of(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
  }

  private void assertNothingWritten(GateRun run) {
    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(verdict).doesNotExist();
    assertThat(dir.resolve("mail")).doesNotExist();
  }

  @Test
  void malformedRulesXmlExitsTwoNamingFileLineAndColumn() throws Exception {
    GateRun run = gate("""
        <coverage-rules>
          <scope name="unit">
            <rule package="*"><limit counter="LINE" minimum="0.10"/>
          </scope>
        </coverage-rules>
        """);
    assertNothingWritten(run);
    assertThat(run.err()).containsPattern(
        "\\n" + java.util.regex.Pattern.quote(dir.resolve("coverage-rules.xml").toString()) + ":4:\\d+: not well-formed XML");
  }

  @Test
  void aMinimumOfOnePointFiveExitsTwoNamingIt() throws Exception {
    GateRun run = gate("""
        <coverage-rules>
          <scope name="unit">
            <rule package="*"><limit counter="LINE" minimum="1.5"/></rule>
          </scope>
        </coverage-rules>
        """);
    assertNothingWritten(run);
    assertThat(run.err()).contains(dir.resolve("coverage-rules.xml") + ":3:")
        .contains("minimum 1.5 for LINE in rule package=\"*\" is outside 0..1");
  }

  @Test
  void anUnknownCounterExitsTwoNamingIt() throws Exception {
    GateRun run = gate(VALID_RULES.replace("\"LINE\"", "\"STATEMENT\""));
    assertNothingWritten(run);
    assertThat(run.err()).contains(":3:").contains("unknown counter 'STATEMENT'");
  }

  @Test
  void aMissingReportExitsTwoNamingThePath() throws Exception {
    Path missing = dir.resolve("no/such/jacoco.xml");
    GateRun run = gate(VALID_RULES, "--report", missing.toString());
    assertNothingWritten(run);
    assertThat(run.err()).isEqualTo("coverage-gate: report not found: " + missing + "\n");
  }

  @Test
  void aReportThatIsNotJacocoXmlExitsTwoNamingIt() throws Exception {
    Path junit = Files.writeString(dir.resolve("TEST-x.xml"), "<testsuite name=\"x\"/>");
    GateRun run = gate(VALID_RULES, "--report", junit.toString());
    assertNothingWritten(run);
    assertThat(run.err()).contains(junit + " is not a JaCoCo XML report");
  }

  @Test
  void aRuleMatchingNoPackageExitsTwoNamingThePatternAndLine() throws Exception {
    GateRun run = gate("""
        <coverage-rules>
          <scope name="unit">
            <rule package="*"><limit counter="LINE" minimum="0.10"/></rule>
            <rule package="dev.tollgate.coverage.fixture.debit"><limit counter="LINE" minimum="0.9"/></rule>
          </scope>
        </coverage-rules>
        """);
    assertNothingWritten(run);
    assertThat(run.err()).contains(dir.resolve("coverage-rules.xml") + ":4: rule package=\"dev.tollgate.coverage.fixture.debit\""
        + " of scope unit matches no package in the report(s)");
  }

  @Test
  void anUnknownScopeExitsTwoNamingTheScopesThatExist() throws Exception {
    Path file = Files.writeString(dir.resolve("coverage-rules.xml"), VALID_RULES);
    GateRun run = GateRun.of("--rules", file.toString(), "--scope", "integration", "--report", report.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("coverage-gate: unknown scope 'integration': " + file + " defines unit\n");
  }

  @Test
  void aMissingRulesFileExitsTwoNamingIt() {
    GateRun run = GateRun.of("--rules", dir.resolve("nope.xml").toString(), "--scope", "unit", "--report", report.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("rules file not found: " + dir.resolve("nope.xml"));
  }

  @Test
  void aMissingRequiredOptionExitsTwoWithUsage() {
    GateRun run = GateRun.of("--scope", "unit", "--report", report.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--rules=FILE'").contains("Usage: coverage-gate");
  }

  @Test
  void badSmtpSettingsExitTwoBeforeAnythingIsJudged() throws Exception {
    Path file = Files.writeString(dir.resolve("coverage-rules.xml"), VALID_RULES);
    GateRun run = GateRun.of(Map.of("SMTP_HOST", "localhost", "SMTP_PORT", "twenty-five"),
        "--rules", file.toString(), "--scope", "unit", "--report", report.toString(), "--verdict", verdict.toString());
    assertNothingWritten(run);
    assertThat(run.err()).contains("SMTP_PORT 'twenty-five' is not a port number");
  }

  @Test
  void anAuthorEmailThatIsNotAnAddressExitsTwo() throws Exception {
    Path file = Files.writeString(dir.resolve("coverage-rules.xml"), VALID_RULES);
    GateRun run = GateRun.of("--rules", file.toString(), "--scope", "unit", "--report", report.toString(),
        "--verdict", verdict.toString(), "--author-email", "null", "--mail-dir", dir.resolve("mail").toString());
    assertNothingWritten(run);
    assertThat(run.err()).contains("--author-email 'null' is not an email address");
  }

  @Test
  void aBaselineDirWithoutABranchExitsTwo() throws Exception {
    GateRun run = gate(VALID_RULES, "--baseline-dir", dir.resolve("baselines").toString());
    assertNothingWritten(run);
    assertThat(run.err()).contains("--baseline-dir needs --branch");
  }

  @Test
  void twoReportsOfTheSameClassesExitTwoRatherThanAddingThemUp() throws Exception {
    Path rerun = Files.write(dir.resolve("jacoco-it.xml"), ReportReaderTest.debitsAndCards().xml());
    GateRun run = gate(VALID_RULES, "--report", rerun.toString());
    assertNothingWritten(run);
    assertThat(run.err()).contains("report " + rerun + " measures 2 class(es) that an earlier --report already measured")
        .contains("first: " + ReportReaderTest.CARD_CHECKS + ")");
  }

  @Test
  void theSameReportTwiceExitsTwoRatherThanCountingItTwice() throws Exception {
    GateRun run = gate(VALID_RULES, "--report", report.toString());
    assertNothingWritten(run);
    assertThat(run.err()).contains("report " + report + " is given twice");
  }
}
