package dev.tollgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskRulesTest {
  private final RiskRules rules = new RiskRules(Duration.ofMinutes(60));

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "1,      0,  none",
      "9999,   0,  none",
      "10000,  10, amount_band_medium",
      "99999,  10, amount_band_medium",
      "100000, 30, amount_band_high",
      "499999, 30, amount_band_high",
      "500000, 60, amount_band_very_high",
      "9223372036854775807, 60, amount_band_very_high"})
  void eachAmountBandStartsExactlyAtItsBoundary(long amount, int score, String reason) {
    RiskRules.Assessment assessment = rules.assess(amount, "pass", 1);

    assertThat(assessment.score()).isEqualTo(score);
    if (reason == null) {
      assertThat(assessment.reasons()).isEmpty();
    } else {
      assertThat(assessment.reasons()).containsExactly(reason);
    }
  }

  @Test
  void upToThreeChecksInTheWindowAddNoRisk() {
    assertThat(rules.assess(500, "pass", 1).score()).isZero();
    assertThat(rules.assess(500, "pass", 3)).isEqualTo(new RiskRules.Assessment(0, List.of()));
  }

  @Test
  void eachCheckBeyondThreeInTheWindowAdds15AndNamesTheCountAndWindow() {
    assertThat(rules.assess(500, "pass", 4)).isEqualTo(new RiskRules.Assessment(15, List.of("velocity_4_in_60m")));
    assertThat(rules.assess(500, "pass", 5).score()).isEqualTo(30);
    assertThat(new RiskRules(Duration.ofMinutes(15)).assess(500, "pass", 6).reasons()).containsExactly("velocity_6_in_15m");
  }

  @Test
  void aFailedCscAdds20AndOtherResultsNothing() {
    assertThat(rules.assess(500, "fail", 1)).isEqualTo(new RiskRules.Assessment(20, List.of("csc_check_fail")));
    assertThat(rules.assess(500, "pass", 1).score()).isZero();
    assertThat(rules.assess(500, "unavailable", 1).score()).isZero();
  }

  @Test
  void rulesAddUpInRuleOrder() {
    RiskRules.Assessment assessment = rules.assess(150_000, "fail", 4);

    assertThat(assessment.score()).isEqualTo(30 + 15 + 20);
    assertThat(assessment.reasons()).containsExactly("amount_band_high", "velocity_4_in_60m", "csc_check_fail");
  }

  @Test
  void theScoreIsCappedAt100AndSaysSoOnlyWhenTheRulesAddUpToMore() {
    RiskRules.Assessment exactly100 = rules.assess(10_000, "pass", 9);
    RiskRules.Assessment over = rules.assess(500_000, "fail", 5);
    RiskRules.Assessment huge = rules.assess(1, "pass", Integer.MAX_VALUE);

    assertThat(exactly100.score()).isEqualTo(100);
    assertThat(exactly100.reasons()).containsExactly("amount_band_medium", "velocity_9_in_60m");
    assertThat(over.score()).isEqualTo(100);
    assertThat(over.reasons()).containsExactly("amount_band_very_high", "velocity_5_in_60m", "csc_check_fail", "score_capped_at_100");
    assertThat(huge.score()).isEqualTo(100);
    assertThat(huge.reasons()).endsWith("score_capped_at_100");
  }

  @Test
  void cscCheckIsTheCscResultAndUnavailableWhenAbsent() {
    assertThat(RiskRules.cscCheck("pass")).isEqualTo("pass");
    assertThat(RiskRules.cscCheck("fail")).isEqualTo("fail");
    assertThat(RiskRules.cscCheck("unavailable")).isEqualTo("unavailable");
    assertThat(RiskRules.cscCheck(null)).isEqualTo("unavailable");
  }

  @Test
  void aWindowUnderAMinuteIsRefused() {
    assertThatThrownBy(() -> new RiskRules(Duration.ofSeconds(59))).isInstanceOf(IllegalArgumentException.class);
  }
}
