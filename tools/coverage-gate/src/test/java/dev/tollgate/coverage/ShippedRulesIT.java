package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The repository's own coverage-rules.xml: valid, Balanced's 95% where promised, every rule explained. */
class ShippedRulesIT {
  private static final Path ROOT = Path.of(System.getProperty("tollgate.root", "../.."));
  private static final Path RULES = ROOT.resolve("coverage-rules.xml");

  private static Limit limit(Rule rule, Counter counter) {
    return rule.limits().stream().filter(l -> l.counter() == counter).findFirst().orElseThrow();
  }

  @Test
  void theShippedRulesAreValidAndDefineBothScopes() {
    Rules rules = RulesLoader.load(RULES);
    assertThat(rules.scopes()).containsOnlyKeys("unit", "acceptance");
  }

  @Test
  void paymentsFeaturePackagesAndFraudNeedNinetyFivePercentOfLines() {
    RuleSet unit = RulesLoader.load(RULES).scope("unit");
    for (String pkg : List.of("dev.tollgate.payments.marketplaces", "dev.tollgate.payments.cards",
        "dev.tollgate.payments.debits", "dev.tollgate.payments.refunds", "dev.tollgate.payments.verification",
        "dev.tollgate.fraud")) {
      Rule rule = unit.ruleFor(pkg).orElseThrow();
      assertThat(rule.pattern().text()).as(pkg).isEqualTo(pkg);
      assertThat(limit(rule, Counter.LINE).minimum()).as(pkg).isEqualByComparingTo("0.95");
    }
  }

  @Test
  void everyOtherPackageFallsToADefaultFloor() {
    RuleSet unit = RulesLoader.load(RULES).scope("unit");
    Rule fallback = unit.ruleFor("org.example.newthing").orElseThrow();
    assertThat(fallback.pattern().text()).isEqualTo("*");
    assertThat(limit(fallback, Counter.LINE).minimum()).isEqualByComparingTo(new BigDecimal("0.60"));
    assertThat(limit(fallback, Counter.BRANCH).minimum()).isEqualByComparingTo(new BigDecimal("0.50"));
    assertThat(RulesLoader.load(RULES).scope("acceptance").ruleFor("org.example.newthing")).isPresent();
  }

  @Test
  void everyRuleIsPrecededByACommentSayingWhy() throws Exception {
    String xml = Files.readString(RULES);
    Matcher rule = Pattern.compile("<rule ").matcher(xml);
    int rules = 0;
    while (rule.find()) {
      rules++;
      String before = xml.substring(0, rule.start()).stripTrailing();
      assertThat(before).as("text before rule #" + rules).endsWith("-->");
    }
    assertThat(rules).isGreaterThan(10);
  }

  @Test
  void theRulesFileNamesTheSchemaThatIsBundledWithTheGate() throws Exception {
    String xsd = "tools/coverage-gate/src/main/resources/coverage-rules.xsd";
    assertThat(Files.readString(RULES)).contains(xsd);
    try (java.io.InputStream bundled = RulesLoader.class.getResourceAsStream("/coverage-rules.xsd")) {
      assertThat(bundled).isNotNull();
      assertThat(new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(ROOT.resolve(xsd)));
    }
  }
}
