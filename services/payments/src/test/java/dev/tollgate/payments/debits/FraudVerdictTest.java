package dev.tollgate.payments.debits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import org.junit.jupiter.api.Test;

class FraudVerdictTest {
  @Test
  void aCompleteAnswerGivesTheVerdict() {
    assertThat(FraudVerdict.from(new FraudVerdict.Answer("chk_1", 40, "pass"))).isEqualTo(new FraudVerdict(40, "pass"));
  }

  @Test
  void anAnswerWithoutCscCheckIsAnUpstreamErrorNamingIt() {
    assertThatThrownBy(() -> FraudVerdict.from(new FraudVerdict.Answer("chk_1", 40, null)))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.code()).isEqualTo("upstream_error");
          assertThat(e.getMessage()).contains("csc_check");
          assertThat(e.details()).containsEntry("field", "csc_check");
        });
  }

  @Test
  void anAnswerWithoutRiskScoreIsAnUpstreamErrorNamingIt() {
    assertThatThrownBy(() -> FraudVerdict.from(new FraudVerdict.Answer("chk_1", null, "pass")))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("risk_score"));
  }

  @Test
  void aRiskScoreOutsideTheContractIsAnUpstreamError() {
    assertThatThrownBy(() -> FraudVerdict.from(new FraudVerdict.Answer("chk_1", 101, "pass")))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(502));
  }
}
