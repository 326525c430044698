package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMailTest {
  private static final Baseline BASELINE =
      new Baseline(Path.of("var/coverage/release.json"), "0123456789abcdef", "2026-11-20T10:00:00Z", Map.of());

  private static FailureMail mail() {
    return FailureMail.compose(Checks.run(BASELINE), Checks.sample(), "Ada Lovelace", "./pipeline unit && ./pipeline coverage");
  }

  @Test
  void theSubjectNamesTheWorstPackageAndItsFigure() {
    // cards' branches (25% < 90%) fall further short than debits' lines (94.47% < 95%).
    assertThat(mail().subject()).isEqualTo("Coverage gate failed: dev.tollgate.payments.cards 25.00% < 90.00% (branches)");
  }

  @Test
  void aLineFailureIsTheSubjectWithoutACounterWord() {
    List<Check> debitsOnly = Checks.sample().stream()
        .filter(c -> !(c.packageName().endsWith("cards") && c.counter() == Counter.BRANCH)).toList();
    FailureMail mail = FailureMail.compose(Checks.run(BASELINE), debitsOnly, null, "make it");
    assertThat(mail.subject()).isEqualTo("Coverage gate failed: dev.tollgate.payments.debits 94.47% < 95.00%");
    assertThat(mail.body()).startsWith("Hello,\n");
  }

  @Test
  void theBodyListsEveryFailureWithActualRequiredDeltaAndRule() {
    String body = mail().body();
    assertThat(body).startsWith("Hello Ada Lovelace,\n");
    assertThat(body).contains("  dev.tollgate.payments.debits\n"
        + "    lines: actual 94.47% (9447/10000), required 95.00%, delta -0.53 points\n"
        + "    rule: package=\"dev.tollgate.payments.debits\" on line 14 of coverage-rules.xml\n");
    assertThat(body).contains("  dev.tollgate.payments.cards\n"
        + "    branches: actual 25.00% (1/4), required 90.00%, delta n/a\n");
    assertThat(body).doesNotContain("  dev.tollgate.bank\n");
  }

  @Test
  void theBodyNamesTheCommitAndHowToReproduce() {
    String body = mail().body();
    assertThat(body).contains("failed for commit 6c9f010aa1b2 (6c9f010aa1b2c3d4e5f60718293a4b5c6d7e8f90), scope unit, branch release.");
    assertThat(body).contains("To reproduce locally:\n\n    ./pipeline unit && ./pipeline coverage\n");
    assertThat(body).contains("Every package checked:\n\nPACKAGE");
  }

  @Test
  void equalShortfallsGoToTheFirstInTableOrder() {
    CoverageReport report = new CoverageReport();
    report.add("a.one", Counter.LINE, new Tally(8, 10));
    report.add("b.two", Counter.LINE, new Tally(80, 100));
    RuleSet rules = new RuleSet("unit", List.of(new Rule(new PackagePattern("*"), 3,
        List.of(new Limit(Counter.LINE, new BigDecimal("0.9"), 4)))));
    FailureMail mail = FailureMail.compose(Checks.run(null), Gate.evaluate(rules, report, Map.of()), null, "x");
    assertThat(mail.subject()).isEqualTo("Coverage gate failed: a.one 80.00% < 90.00%");
  }
}
