package dev.tollgate.payments.debits;

import java.time.Instant;

/**
 * A row of {@code debits}. {@code status} is "succeeded" or "failed" (then {@code failureCode}
 * says why: {@code csc_check_failed}, {@code high_risk} or the bank's decline code); amounts
 * are integer minor units; {@code vaultChargeId} is null when payments declined before charging.
 */
record Debit(
    String id,
    String marketplaceId,
    String cardId,
    long amount,
    String currency,
    String status,
    String failureCode,
    int riskScore,
    String vaultChargeId,
    long refundedAmount,
    String description,
    Instant createdAt) {
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";

  boolean succeeded() {
    return SUCCEEDED.equals(status);
  }
}
