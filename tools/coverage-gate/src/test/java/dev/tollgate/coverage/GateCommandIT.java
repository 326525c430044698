package dev.tollgate.coverage;

import static dev.tollgate.coverage.ReportReaderTest.CARDS;
import static dev.tollgate.coverage.ReportReaderTest.DEBITS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jacoco.core.analysis.ICounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on reports JaCoCo wrote from classes it measured in this JVM. */
class GateCommandIT {
  @TempDir
  Path dir;

  private JacocoRun.Measured measured;
  private Path report;

  @BeforeEach
  void measure() throws Exception {
    measured = ReportReaderTest.debitsAndCards();
    report = Files.write(dir.resolve("jacoco.xml"), measured.xml());
  }

  private Path rules(String cardsLineMinimum) throws Exception {
    return Files.writeString(dir.resolve("coverage-rules.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <coverage-rules>
          <scope name="unit">
            <rule package="*">
              <limit counter="LINE" minimum="0.10"/>
            </rule>
            <rule package="dev.tollgate.coverage.fixture.cards">
              <limit counter="LINE" minimum="%s"/>
            </rule>
          </scope>
        </coverage-rules>
        """.formatted(cardsLineMinimum));
  }

  /** JaCoCo's line ratio of cards as a ratio string, so a rule can sit exactly on it or just above. */
  private static String percentOf(ICounter counter) {
    long basisPoints = counter.getCoveredCount() * 10_000 / counter.getTotalCount();
    return "%d.%02d%%".formatted(basisPoints / 100, basisPoints % 100);
  }

  @Test
  void aPackageBelowItsFloorExitsOneWithTheTableAndAFailingVerdict() throws Exception {
    Path verdict = dir.resolve("out/coverage-unit.json");
    GateRun run = GateRun.of("--rules", rules("0.95").toString(), "--scope", "unit", "--report", report.toString(),
        "--verdict", verdict.toString(), "--commit", "abc1234");

    assertThat(run.status()).as(run.err()).isEqualTo(1);
    ICounter cards = measured.counter(CARDS, Counter.LINE);
    String figures = cards.getCoveredCount() + "/" + cards.getTotalCount();
    assertThat(run.out().lines()).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        CARDS, "LINE", figures, percentOf(cards), "95.00%", "n/a", CARDS + " (line 7)", "FAIL"));
    ICounter debits = measured.counter(DEBITS, Counter.LINE);
    assertThat(run.out().lines()).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        DEBITS, "LINE", debits.getCoveredCount() + "/" + debits.getTotalCount(), percentOf(debits), "10.00%", "n/a",
        "* (line 4)", "PASS"));
    assertThat(run.out()).contains(CARDS + ": lines covered ratio is ")
        .contains("Coverage gate FAILED (scope unit): 1 of 2 checks below their floor.")
        .contains("No email sent: --author-email was not given.");

    JsonNode json = Verdicts.MAPPER.readTree(verdict.toFile());
    assertThat(json.path("status").asText()).isEqualTo("fail");
    assertThat(json.path("commit").asText()).isEqualTo("abc1234");
    assertThat(json.path("timestamp").asText()).isEqualTo("2026-11-21T05:03:01Z");
    assertThat(json.path("failures")).singleElement()
        .satisfies(f -> assertThat(f.path("package").asText()).isEqualTo(CARDS));
    JsonNode cardsRow = json.path("packages").get(0).path("counters").get(0);
    assertThat(cardsRow.path("covered").asLong()).isEqualTo(cards.getCoveredCount());
    assertThat(cardsRow.path("total").asLong()).isEqualTo(cards.getTotalCount());
  }

  @Test
  void aFloorAtJacocosOwnRatioPassesAndAFloorOneCoveredLineHigherFails() throws Exception {
    ICounter cards = measured.counter(CARDS, Counter.LINE);
    // A terminating decimal equal to covered/total exists when total divides a power of ten; else use the floor just below.
    java.math.BigDecimal exact = new java.math.BigDecimal(cards.getCoveredCount())
        .divide(new java.math.BigDecimal(cards.getTotalCount()), 12, java.math.RoundingMode.DOWN);
    GateRun atOrBelow = GateRun.of("--rules", rules(exact.toPlainString()).toString(), "--scope", "unit",
        "--report", report.toString());
    assertThat(atOrBelow.status()).as(atOrBelow.out() + atOrBelow.err()).isZero();

    java.math.BigDecimal oneMoreLine = new java.math.BigDecimal(cards.getCoveredCount() + 1)
        .divide(new java.math.BigDecimal(cards.getTotalCount()), 12, java.math.RoundingMode.DOWN);
    GateRun above = GateRun.of("--rules", rules(oneMoreLine.toPlainString()).toString(), "--scope", "unit",
        "--report", report.toString());
    assertThat(above.status()).as(above.out() + above.err()).isEqualTo(1);
  }

  @Test
  void aPassingRunBecomesTheBaselineAndTheNextRunShowsItsDelta() throws Exception {
    Path baselines = dir.resolve("baselines");
    GateRun first = GateRun.of("--rules", rules("0.01").toString(), "--scope", "unit", "--report", report.toString(),
        "--baseline-dir", baselines.toString(), "--branch", "release", "--commit", "1111111");
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).contains("Delta: n/a, branch release has no passing run recorded yet.")
        .contains("Coverage gate PASSED (scope unit): 2 checks on 2 packages, all at or above their floor.")
        .contains("Baseline of branch release updated: " + baselines.resolve("release.json"))
        .contains("No email sent: the gate passed.");

    // The next build covers one more cards method (brand), so cards' lines go up.
    JacocoRun next = JacocoRun.of(ReportReaderTest.DEBIT_LIMITS, ReportReaderTest.CARD_CHECKS);
    next.call(ReportReaderTest.CARD_CHECKS, "lastFour", "4242424242424242");
    next.call(ReportReaderTest.CARD_CHECKS, "brand", "4242424242424242");
    JacocoRun.Measured better = next.finish("fixture");
    Path nextReport = Files.write(dir.resolve("next.xml"), better.xml());
    GateRun second = GateRun.of("--rules", rules("0.95").toString(), "--scope", "unit", "--report", nextReport.toString(),
        "--baseline-dir", baselines.toString(), "--branch", "release", "--commit", "2222222");

    assertThat(second.status()).isEqualTo(1);
    assertThat(second.out()).contains("since the last passing run of branch release (commit 1111111) at 2026-11-21T05:03:01Z");
    Tally before = measured.tally(CARDS, Counter.LINE);
    Tally after = better.tally(CARDS, Counter.LINE);
    long pointsTimes100 = (after.covered() * before.total() - before.covered() * after.total()) * 10_000
        / (after.total() * before.total());
    String delta = "+%d.%02d".formatted(pointsTimes100 / 100, pointsTimes100 % 100);
    assertThat(pointsTimes100).isPositive();
    assertThat(second.out().lines()).anySatisfy(line -> assertThat(line)
        .startsWith(CARDS + "  ").contains("  " + delta + "  ").endsWith("FAIL"));
    // A failing run leaves the baseline alone.
    assertThat(Files.readString(baselines.resolve("release.json"))).contains("\"commit\" : \"1111111\"");
  }

  @Test
  void reportsGivenTogetherAreSummedPerPackage() throws Exception {
    JacocoRun.Measured refunds = ReportReaderTest.refunds();
    Path second = Files.write(dir.resolve("refunds.xml"), refunds.xml());
    Path verdict = dir.resolve("verdict.json");
    GateRun run = GateRun.of("--rules", rules("0.01").toString(), "--scope", "unit", "--report", report.toString(),
        "--report", second.toString(), "--verdict", verdict.toString());

    assertThat(run.status()).as(run.err()).isZero();
    Tally sum = measured.tally(DEBITS, Counter.LINE).plus(refunds.tally(DEBITS, Counter.LINE));
    assertThat(run.out()).contains("reports " + report + " + " + second);
    assertThat(run.out().lines()).anySatisfy(line -> assertThat(line)
        .startsWith(DEBITS + "  ").contains("  " + sum.covered() + "/" + sum.total() + "  "));
    JsonNode debits = Verdicts.MAPPER.readTree(verdict.toFile()).path("packages").get(1);
    assertThat(debits.path("package").asText()).isEqualTo(DEBITS);
    assertThat(debits.path("counters").get(0).path("total").asLong()).isEqualTo(sum.total());
  }
}
