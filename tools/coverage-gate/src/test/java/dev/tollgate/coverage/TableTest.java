package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final Baseline BASELINE =
      new Baseline(Path.of("var/coverage/release.json"), "0123456789abcdef", "2026-11-20T10:00:00Z", Map.of());

  @Test
  void everyPackageGetsARowWithFiguresRuleAndResult() {
    String table = Table.render(Checks.run(BASELINE), Checks.sample());
    List<String> lines = table.lines().toList();
    assertThat(lines).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        "dev.tollgate.payments.debits", "LINE", "9447/10000", "94.47%", "95.00%", "-0.53",
        "dev.tollgate.payments.debits (line 14)", "FAIL"));
    assertThat(lines).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        "dev.tollgate.bank", "LINE", "80/100", "80.00%", "60.00%", "+2.00", "* (line 10)", "PASS"));
    assertThat(lines).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        "dev.tollgate.bank", "BRANCH", "30/40", "75.00%", "50.00%", "n/a", "* (line 10)", "PASS"));
    assertThat(lines).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        "dev.tollgate.payments.cards", "BRANCH", "1/4", "25.00%", "90.00%", "n/a",
        "dev.tollgate.payments.* (line 17)", "FAIL"));
  }

  @Test
  void columnsAreAlignedUnderTheirHeadings() {
    String rows = Table.rows(Checks.sample());
    List<String> lines = rows.lines().toList();
    int resultColumn = lines.get(0).indexOf("RESULT");
    assertThat(resultColumn).isPositive();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line.substring(resultColumn)).isIn("PASS", "FAIL");
    }
    int actualEnd = lines.get(0).indexOf("ACTUAL") + "ACTUAL".length();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line.charAt(actualEnd - 1)).as(line).isEqualTo('%');
    }
  }

  @Test
  void failuresAreSummedUpInJacocosPhrasingAfterTheTable() {
    String table = Table.render(Checks.run(BASELINE), Checks.sample());
    assertThat(table).contains("\ndev.tollgate.payments.debits: lines covered ratio is 0.9447, but expected minimum is 0.9500\n");
    assertThat(table).contains("\ndev.tollgate.payments.cards: branches covered ratio is 0.2500, but expected minimum is 0.9000\n");
    assertThat(table).endsWith("Coverage gate FAILED (scope unit): 2 of 5 checks below their floor.\n");
  }

  @Test
  void aPassingRunSaysSoOnItsLastLine() {
    List<Check> passing = Checks.sample().stream().filter(c -> c.result() == Check.Result.PASS).toList();
    String table = Table.render(Checks.run(null), passing);
    assertThat(table).doesNotContain("covered ratio is");
    assertThat(table).endsWith(
        "Coverage gate PASSED (scope unit): 3 checks on 2 packages, all at or above their floor.\n");
  }

  @Test
  void theHeadingNamesTheBaselineOrItsAbsence() {
    assertThat(Table.render(Checks.run(BASELINE), Checks.sample()))
        .contains("since the last passing run of branch release (commit 0123456789ab) at 2026-11-20T10:00:00Z.");
    assertThat(Table.render(Checks.run(null), Checks.sample()))
        .contains("Delta: n/a, branch release has no passing run recorded yet.");
  }

  @Test
  void aPackageNoRuleMatchesIsListedButNotGated() {
    CoverageReport report = new CoverageReport();
    report.add("org.example", Counter.LINE, new Tally(1, 10));
    report.add("dev.tollgate.bank", Counter.LINE, new Tally(9, 10));
    RuleSet rules = new RuleSet("unit", List.of(Checks.rule("dev.tollgate.*", 3, Counter.LINE, "0.8")));
    String table = Table.render(Checks.run(null), Gate.evaluate(rules, report, Map.of()));
    assertThat(table.lines()).anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly(
        "org.example", "LINE", "1/10", "10.00%", "-", "n/a", "(none)", "NO RULE"));
    assertThat(table).endsWith("all at or above their floor; 1 package matched no rule.\n");
  }
}
