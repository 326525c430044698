package dev.tollgate.payments.debits;

import dev.tollgate.service.JsonClient;
import java.util.Map;

/** The fraud service's {@code POST /v1/checks}. */
final class FraudChecks {
  /** The request: {@code {card_fingerprint, amount, currency, csc_result}}. */
  record CheckRequest(String cardFingerprint, long amount, String currency, String cscResult) {}

  private final JsonClient fraud;

  FraudChecks(JsonClient fraud) {
    this.fraud = fraud;
  }

  FraudVerdict check(CardRef card, long amount, String currency) {
    CheckRequest request = new CheckRequest(card.fingerprint(), amount, currency, card.cscResult());
    return FraudVerdict.from(fraud.post("/v1/checks", request, Map.of(), FraudVerdict.Answer.class));
  }
}
