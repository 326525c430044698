package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RulesLoaderTest {

  private static Rules load(String xml) {
    return RulesLoader.load("coverage-rules.xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String message(String xml) {
    try {
      load(xml);
    } catch (GateException e) {
      return e.getMessage();
    }
    throw new AssertionError("the rules were accepted:\n" + xml);
  }

  @Test
  void validRulesAreReadWithTheirLinesInFileOrder() {
    Rules rules = load("""
        <?xml version="1.0" encoding="UTF-8"?>
        <coverage-rules>
          <scope name="unit">
            <!-- the floor for everything else -->
            <rule package="*">
              <limit counter="LINE" minimum="0.60"/>
              <limit counter="BRANCH" value="COVEREDRATIO" minimum="0.5"/>
            </rule>
          </scope>
          <scope name="acceptance">
            <rule package="dev.tollgate.payments.*">
              <limit counter="INSTRUCTION" minimum="1"/>
            </rule>
          </scope>
        </coverage-rules>
        """);
    RuleSet unit = rules.scope("unit");
    assertThat(unit.rules()).hasSize(1);
    Rule rule = unit.rules().get(0);
    assertThat(rule.pattern().text()).isEqualTo("*");
    assertThat(rule.line()).isEqualTo(5);
    assertThat(rule.limits()).containsExactly(
        new Limit(Counter.LINE, new BigDecimal("0.60"), 6),
        new Limit(Counter.BRANCH, new BigDecimal("0.5"), 7));
    assertThat(rules.scope("acceptance").rules().get(0).limits().get(0).minimum()).isEqualByComparingTo("1");
  }

  @Test
  void malformedXmlIsReportedWithFileLineAndColumn() {
    String message = message("""
        <coverage-rules>
          <scope name="unit">
            <rule package="*">
              <limit counter="LINE" minimum="0.6"/>
          </scope>
        </coverage-rules>
        """);
    assertThat(message).containsPattern("\ncoverage-rules.xml:5:\\d+: not well-formed XML: .*rule");
  }

  @Test
  void aMinimumAboveOneIsNamedPlainlyOnceWithItsPosition() {
    String message = message("""
        <coverage-rules>
          <scope name="unit">
            <rule package="dev.tollgate.*">
              <limit counter="LINE" minimum="1.5"/>
            </rule>
          </scope>
        </coverage-rules>
        """);
    assertThat(message).contains("(1 problem)");
    assertThat(message).containsPattern("coverage-rules.xml:4:\\d+: minimum 1.5 for LINE in rule "
        + "package=\"dev.tollgate.\\*\" is outside 0..1");
  }

  @Test
  void aNegativeOrNonNumericMinimumIsNamed() {
    assertThat(message("""
        <coverage-rules><scope name="unit"><rule package="*">
          <limit counter="LINE" minimum="-0.1"/>
        </rule></scope></coverage-rules>
        """)).contains("coverage-rules.xml:2:").contains("minimum -0.1 for LINE").contains("outside 0..1");
    assertThat(message("""
        <coverage-rules><scope name="unit"><rule package="*">
          <limit counter="LINE" minimum="95%"/>
        </rule></scope></coverage-rules>
        """)).contains("coverage-rules.xml:2:").contains("minimum '95%' for LINE").contains("is not a number");
  }

  @Test
  void anUnknownCounterIsNamedWithTheCountersThatExist() {
    String message = message("""
        <coverage-rules>
          <scope name="unit">
            <rule package="*"><limit counter="LINES" minimum="0.6"/></rule>
          </scope>
        </coverage-rules>
        """);
    assertThat(message).contains("coverage-rules.xml:3:")
        .contains("unknown counter 'LINES' in rule package=\"*\"")
        .contains("INSTRUCTION, BRANCH, LINE, COMPLEXITY, METHOD, CLASS")
        .contains("(1 problem)");
  }

  @Test
  void structuralMistakesAreReportedByTheSchemaWithTheirPosition() {
    String message = message("""
        <coverage-rules>
          <scope name="unit">
            <rule package="*">
            </rule>
            <rules package="x"/>
          </scope>
        </coverage-rules>
        """);
    assertThat(message).containsPattern("\ncoverage-rules.xml:4:\\d+: .*'\\{limit\\}' is expected");
    assertThat(message).containsPattern("\ncoverage-rules.xml:5:\\d+: .*'rules'");
  }

  @Test
  void aPatternWithCharactersNoPackageHasIsRefused() {
    assertThat(message("""
        <coverage-rules><scope name="unit">
          <rule package="dev/tollgate/*"><limit counter="LINE" minimum="0.6"/></rule>
        </scope></coverage-rules>
        """)).contains("(1 problem)").contains("coverage-rules.xml:2:")
        .contains("package=\"dev/tollgate/*\" is not a dotted package name or pattern");
  }

  @Test
  void theSamePatternTwiceInAScopeIsRefusedNamingTheFirstLine() {
    assertThat(message("""
        <coverage-rules><scope name="unit">
          <rule package="dev.*"><limit counter="LINE" minimum="0.6"/></rule>
          <rule package="dev.*"><limit counter="BRANCH" minimum="0.6"/></rule>
        </scope></coverage-rules>
        """)).contains("coverage-rules.xml:3:").contains("appears twice in scope unit (first on line 2)");
  }

  @Test
  void aCounterLimitedTwiceInOneRuleIsRefused() {
    assertThat(message("""
        <coverage-rules><scope name="unit">
          <rule package="dev.*">
            <limit counter="LINE" minimum="0.6"/>
            <limit counter="LINE" minimum="0.7"/>
          </rule>
        </scope></coverage-rules>
        """)).contains("coverage-rules.xml:4:").contains("LINE is limited twice");
  }

  @Test
  void anUnknownScopeNamesTheScopesTheFileDefines() {
    Rules rules = load("""
        <coverage-rules>
          <scope name="unit"><rule package="*"><limit counter="LINE" minimum="0.6"/></rule></scope>
          <scope name="acceptance"><rule package="*"><limit counter="LINE" minimum="0.6"/></rule></scope>
        </coverage-rules>
        """);
    assertThatThrownBy(() -> rules.scope("integration"))
        .isInstanceOf(GateException.class)
        .hasMessage("unknown scope 'integration': coverage-rules.xml defines acceptance, unit");
  }

  @Test
  void aDoctypeCannotPullInExternalFiles() {
    String message = message("""
        <?xml version="1.0"?>
        <!DOCTYPE coverage-rules SYSTEM "file:///etc/passwd">
        <coverage-rules><scope name="unit"><rule package="*"><limit counter="LINE" minimum="0.6"/></rule></scope></coverage-rules>
        """);
    assertThat(message).contains("coverage-rules.xml:").doesNotContain("root:");
  }
}
