package dev.tollgate.payments.debits;

import java.util.Optional;

/**
 * Whether payments declines a debit before charging: {@code csc_check_failed} when the fraud
 * service's csc_check is "fail", else {@code high_risk} when the risk score is above the
 * configured maximum (a score equal to the maximum passes).
 */
final class DeclineRules {
  static final String CSC_CHECK_FAILED = "csc_check_failed";
  static final String HIGH_RISK = "high_risk";

  private final int maxRiskScore;

  DeclineRules(int maxRiskScore) {
    this.maxRiskScore = maxRiskScore;
  }

  /** The failure code, or empty when the debit may be charged. */
  Optional<String> declineCode(FraudVerdict verdict) {
    if ("fail".equals(verdict.cscCheck())) {
      return Optional.of(CSC_CHECK_FAILED);
    }
    if (verdict.riskScore() > maxRiskScore) {
      return Optional.of(HIGH_RISK);
    }
    return Optional.empty();
  }
}
