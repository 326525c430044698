package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The gate's figures against JaCoCo's own, for reports JaCoCo wrote from classes it measured here. */
class ReportReaderTest {
  static final String DEBITS = "dev.tollgate.coverage.fixture.debits";
  static final String CARDS = "dev.tollgate.coverage.fixture.cards";
  static final String DEBIT_LIMITS = DEBITS + ".DebitLimits";
  static final String REFUND_RULES = DEBITS + ".RefundRules";
  static final String CARD_CHECKS = CARDS + ".CardChecks";

  /** Debits well covered, cards barely: the usual measurement of these tests. */
  static JacocoRun.Measured debitsAndCards() {
    JacocoRun run = JacocoRun.of(DEBIT_LIMITS, CARD_CHECKS);
    for (long amount : new long[] {0, 500, 5_000, 500_000}) {
      run.call(DEBIT_LIMITS, "band", amount);
    }
    run.call(DEBIT_LIMITS, "fee", 10_000L, true);
    run.call(CARD_CHECKS, "lastFour", "4242424242424242");
    return run.finish("fixture");
  }

  static JacocoRun.Measured refunds() {
    JacocoRun run = JacocoRun.of(REFUND_RULES);
    run.call(REFUND_RULES, "fits", 1_000L, 200L, 300L);
    return run.finish("refunds");
  }

  private static CoverageReport read(JacocoRun.Measured measured) {
    return ReportReader.read("jacoco.xml", new ByteArrayInputStream(measured.xml()));
  }

  @Test
  void everyCounterOfEveryPackageEqualsJacocosOwn() {
    JacocoRun.Measured measured = debitsAndCards();
    CoverageReport report = read(measured);
    assertThat(report.packageNames()).containsExactly(CARDS, DEBITS);
    for (String pkg : report.packageNames()) {
      for (Counter counter : Counter.values()) {
        assertThat(report.tally(pkg, counter)).as(pkg + " " + counter).isEqualTo(measured.tally(pkg, counter));
      }
    }
    // The measurement itself is not trivial: some lines and branches covered, some not.
    assertThat(measured.counter(CARDS, Counter.LINE).getMissedCount()).isPositive();
    assertThat(measured.counter(DEBITS, Counter.BRANCH).getCoveredCount()).isPositive();
    assertThat(measured.counter(DEBITS, Counter.BRANCH).getMissedCount()).isPositive();
  }

  @Test
  void jacocosReportCarriesADoctypeThatIsNeverFetched() {
    JacocoRun.Measured measured = debitsAndCards();
    assertThat(new String(measured.xml(), StandardCharsets.UTF_8)).contains("<!DOCTYPE report").contains("report.dtd");
    assertThat(read(measured).packageNames()).isNotEmpty();
  }

  @Test
  void packagesInsideGroupsAreReadLikeThoseOfAnAggregateReport() {
    JacocoRun run = JacocoRun.of(REFUND_RULES);
    run.call(REFUND_RULES, "remaining", 100L, 20L);
    JacocoRun.Measured grouped = run.finish("payments", "coverage-report");
    assertThat(new String(grouped.xml(), StandardCharsets.UTF_8)).contains("<report name=\"coverage-report\">").contains("<group name=\"payments\">");
    CoverageReport report = read(grouped);
    for (Counter counter : Counter.values()) {
      assertThat(report.tally(DEBITS, counter)).as(counter.name()).isEqualTo(grouped.tally(DEBITS, counter));
    }
  }

  @Test
  void theSamePackageInTwoReportsAddsUp() {
    JacocoRun.Measured first = debitsAndCards();
    JacocoRun.Measured second = refunds();
    CoverageReport merged = new CoverageReport();
    merged.addAll(read(first));
    merged.addAll(read(second));
    for (Counter counter : Counter.values()) {
      Tally expected = first.tally(DEBITS, counter).plus(second.tally(DEBITS, counter));
      assertThat(merged.tally(DEBITS, counter)).as(counter.name()).isEqualTo(expected);
    }
    assertThat(merged.tally(CARDS, Counter.LINE)).isEqualTo(first.tally(CARDS, Counter.LINE));
  }

  @Test
  void anotherKindOfXmlIsNotTakenForAJacocoReport() {
    String junit = "<?xml version=\"1.0\"?>\n<testsuite name=\"x\" tests=\"1\"/>\n";
    assertThatThrownBy(() -> ReportReader.read("TEST-x.xml", new ByteArrayInputStream(junit.getBytes())))
        .isInstanceOf(GateException.class)
        .hasMessage("TEST-x.xml is not a JaCoCo XML report: its root element is <testsuite>, expected <report>");
  }

  @Test
  void textThatIsNotXmlIsReportedWithItsPosition() {
    assertThatThrownBy(() -> ReportReader.read("index.html", new ByteArrayInputStream("hello <b>".getBytes())))
        .isInstanceOf(GateException.class)
        .hasMessageStartingWith("index.html:1:1: not a JaCoCo XML report (not well-formed XML:");
  }

  @Test
  void aCounterWithoutNumbersIsReportedWithItsPosition() {
    String xml = """
        <report name="x">
          <package name="a/b">
            <counter type="LINE" missed="many" covered="1"/>
          </package>
        </report>
        """;
    assertThatThrownBy(() -> ReportReader.read("jacoco.xml", new ByteArrayInputStream(xml.getBytes())))
        .isInstanceOf(GateException.class)
        .hasMessageStartingWith("jacoco.xml:3:")
        .hasMessageContaining("missed=\"many\" is not a count");
  }
}
