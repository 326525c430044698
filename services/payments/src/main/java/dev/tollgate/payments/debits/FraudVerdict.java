package dev.tollgate.payments.debits;

import dev.tollgate.service.ApiError;
import java.util.Map;

/**
 * What payments reads of a fraud check: {@code risk_score} (0..100) and {@code csc_check}
 * ("pass", "fail" or "unavailable"); contract in the Tollgate brief, fraud section.
 */
record FraudVerdict(int riskScore, String cscCheck) {
  /** The fraud service's answer as received; any field may be missing. */
  record Answer(String id, Integer riskScore, String cscCheck) {}

  /**
   * The verdict in {@code answer}.
   *
   * @throws ApiError 502 {@code upstream_error} naming the field when {@code csc_check} or
   *     {@code risk_score} is missing, or the score is outside 0..100
   */
  static FraudVerdict from(Answer answer) {
    if (answer == null) {
      throw ApiError.upstream("fraud", "empty check response");
    }
    if (answer.cscCheck() == null) {
      throw missing("csc_check");
    }
    if (answer.riskScore() == null) {
      throw missing("risk_score");
    }
    if (answer.riskScore() < 0 || answer.riskScore() > 100) {
      throw new ApiError(502, "upstream_error", "fraud: check response has risk_score " + answer.riskScore() + " outside 0..100", Map.of("service", "fraud", "field", "risk_score"));
    }
    return new FraudVerdict(answer.riskScore(), answer.cscCheck());
  }

  private static ApiError missing(String field) {
    return new ApiError(502, "upstream_error", "fraud: check response lacks " + field, Map.of("service", "fraud", "field", field));
  }
}
