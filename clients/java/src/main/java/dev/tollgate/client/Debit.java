package dev.tollgate.client;

import java.time.Instant;

/**
 * A debit: {@code {id, card_id, amount, currency, status, failure_code, refunded_amount,
 * risk_score, description, created_at}}.
 *
 * @param id {@code db_…}
 * @param amount integer minor units
 * @param status {@code succeeded} or {@code failed}
 * @param failureCode null when succeeded; else {@code csc_check_failed}, {@code high_risk} or
 *     the bank's decline code
 * @param refundedAmount minor units refunded so far, 0..amount
 * @param riskScore the fraud service's score, 0..100
 * @param description may be null
 */
public record Debit(
    String id,
    String cardId,
    long amount,
    String currency,
    String status,
    String failureCode,
    long refundedAmount,
    int riskScore,
    String description,
    Instant createdAt) {
  /** Whether the card was charged. */
  public boolean succeeded() {
    return "succeeded".equals(status);
  }
}
