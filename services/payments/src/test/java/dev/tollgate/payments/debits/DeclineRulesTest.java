package dev.tollgate.payments.debits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclineRulesTest {
  private final DeclineRules rules = new DeclineRules(75);

  @Test
  void aFailedCscCheckIsDeclinedCscCheckFailed() {
    assertThat(rules.declineCode(new FraudVerdict(10, "fail"))).contains("csc_check_failed");
  }

  @Test
  void aFailedCscCheckWinsOverHighRisk() {
    assertThat(rules.declineCode(new FraudVerdict(99, "fail"))).contains("csc_check_failed");
  }

  @Test
  void aRiskScoreAboveTheMaximumIsDeclinedHighRisk() {
    assertThat(rules.declineCode(new FraudVerdict(76, "pass"))).contains("high_risk");
  }

  @Test
  void aRiskScoreEqualToTheMaximumPasses() {
    assertThat(rules.declineCode(new FraudVerdict(75, "pass"))).isEmpty();
  }

  @Test
  void aRiskScoreBelowTheMaximumPasses() {
    assertThat(rules.declineCode(new FraudVerdict(0, "unavailable"))).isEmpty();
  }

  @Test
  void theMaximumIsConfigurable() {
    assertThat(new DeclineRules(10).declineCode(new FraudVerdict(11, "pass"))).contains("high_risk");
  }
}
