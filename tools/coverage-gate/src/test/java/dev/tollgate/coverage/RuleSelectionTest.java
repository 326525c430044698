package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

  private static Rule rule(String pattern, int line) {
    return new Rule(new PackagePattern(pattern), line, List.of(new Limit(Counter.LINE, new BigDecimal("0.5"), line)));
  }

  private static final RuleSet RULES = new RuleSet("unit", List.of(
      rule("*", 3),
      rule("dev.tollgate.*", 5),
      rule("dev.tollgate.payments.*", 7),
      rule("dev.tollgate.bank*", 9),
      rule("dev.tollgate.bank", 11)));

  @Test
  void anExactNameBeatsAPatternWithAsManyLiteralCharacters() {
    assertThat(RULES.ruleFor("dev.tollgate.bank")).map(Rule::line).contains(11);
  }

  @Test
  void aPatternWithMoreLiteralCharactersBeatsOneWithFewer() {
    assertThat(RULES.ruleFor("dev.tollgate.payments.debits")).map(Rule::line).contains(7);
    assertThat(RULES.ruleFor("dev.tollgate.bank.api")).map(Rule::line).contains(9);
    assertThat(RULES.ruleFor("dev.tollgate.fraud")).map(Rule::line).contains(5);
  }

  @Test
  void theDefaultStarRuleTakesWhatNothingElseMatches() {
    assertThat(RULES.ruleFor("org.example.other")).map(Rule::line).contains(3);
  }

  @Test
  void ruleOrderInTheFileDoesNotMatter() {
    RuleSet reversed = new RuleSet("unit", List.of(
        rule("dev.tollgate.bank", 11), rule("dev.tollgate.bank*", 9), rule("dev.tollgate.payments.*", 7),
        rule("dev.tollgate.*", 5), rule("*", 3)));
    for (String pkg : List.of("dev.tollgate.bank", "dev.tollgate.payments.cards", "dev.tollgate.fraud", "x")) {
      assertThat(reversed.ruleFor(pkg)).as(pkg).isEqualTo(RULES.ruleFor(pkg));
    }
  }

  @Test
  void withoutADefaultRuleAnUnmatchedPackageHasNoRule() {
    RuleSet noDefault = new RuleSet("unit", List.of(rule("dev.tollgate.*", 5)));
    assertThat(noDefault.ruleFor("org.example")).isEmpty();
  }

  @Test
  void equallySpecificRulesThatCanMatchOnePackageAreRefusedWhenLoadedNamingBothLines() {
    String xml = """
        <coverage-rules>
          <scope name="unit">
            <rule package="dev.tollgate.*"><limit counter="LINE" minimum="0.5"/></rule>
            <rule package="dev.*.payments"><limit counter="LINE" minimum="0.9"/></rule>
          </scope>
        </coverage-rules>
        """;
    assertThatThrownBy(() -> RulesLoader.load("rules.xml", xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GateException.class)
        .hasMessageContaining("rules.xml:4:")
        .hasMessageContaining("package=\"dev.*.payments\"")
        .hasMessageContaining("package=\"dev.tollgate.*\" on line 3")
        .hasMessageContaining("equally specific");
  }

  @Test
  void equallySpecificRulesThatCannotMatchTheSamePackageAreAccepted() {
    String xml = """
        <coverage-rules>
          <scope name="unit">
            <rule package="dev.tollgate.cards.*"><limit counter="LINE" minimum="0.5"/></rule>
            <rule package="dev.tollgate.fraud.*"><limit counter="LINE" minimum="0.9"/></rule>
          </scope>
        </coverage-rules>
        """;
    Rules rules = RulesLoader.load("rules.xml", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(rules.scope("unit").ruleFor("dev.tollgate.fraud.rules")).map(Rule::line).contains(4);
  }
}
