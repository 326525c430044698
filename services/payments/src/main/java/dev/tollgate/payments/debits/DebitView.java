package dev.tollgate.payments.debits;

import dev.tollgate.payments.api.Bodies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A debit on the wire: {@code {id, card_id, amount, currency, status, failure_code,
 * refunded_amount, risk_score, description, created_at}}.
 */
record DebitView(
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
  static DebitView of(Debit debit) {
    return new DebitView(debit.id(), debit.cardId(), debit.amount(), debit.currency(), debit.status(), debit.failureCode(), debit.refundedAmount(), debit.riskScore(), debit.description(), debit.createdAt());
  }

  /**
   * The answer to the debit's creation: 201 with the debit when it succeeded; 402
   * {@code {"code": failure_code, "message", "details": {"debit_id"}}} when it failed.
   */
  static StoredResponse creationResponse(Debit debit) {
    if (debit.succeeded()) {
      return new StoredResponse(201, Bodies.json(of(debit)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", debit.failureCode());
    body.put("message", failureMessage(debit.failureCode()));
    body.put("details", Map.of("debit_id", debit.id()));
    return new StoredResponse(402, Bodies.json(body));
  }

  private static String failureMessage(String failureCode) {
    return switch (failureCode) {
      case DeclineRules.CSC_CHECK_FAILED -> "the card's security code check failed";
      case DeclineRules.HIGH_RISK -> "the debit was declined as too risky";
      default -> "the bank declined the debit: " + failureCode;
    };
  }
}
