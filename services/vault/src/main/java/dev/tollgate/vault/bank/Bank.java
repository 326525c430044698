package dev.tollgate.vault.bank;

import dev.tollgate.service.ApiError;
import dev.tollgate.service.JsonClient;
import java.util.Map;
import java.util.Set;

/**
 * The acquiring bank's API as the vault uses it (contract: bank-sandbox in the Tollgate brief).
 * Every call is bounded by the {@link JsonClient}'s timeout; a timeout surfaces as a 504
 * {@code upstream_timeout}, other failures as 502 {@code upstream_error}, except where a
 * method says otherwise. Answers missing their required fields are 502s too.
 */
public final class Bank {
  private static final Set<String> CSC_RESULTS = Set.of("pass", "fail", "unavailable");
  private static final Set<String> AUTHORIZATION_STATUSES = Set.of("approved", "declined");

  private final JsonClient client;

  /** @param client a client for {@code BANK_URL} named {@code "bank"} */
  public Bank(JsonClient client) {
    this.client = client;
  }

  /**
   * A zero-amount verification: {@code POST /v1/verifications}.
   *
   * @return the CSC check: {@code "pass"}, {@code "fail"} or {@code "unavailable"}
   */
  public String verify(CardDetails card, String csc) {
    Requests.VerificationAnswer answer = client.post("/v1/verifications", new Requests.Verification(card.number(), card.expiryMonth(), card.expiryYear(), csc), Map.of(), Requests.VerificationAnswer.class);
    if (answer.cscResult() == null || !CSC_RESULTS.contains(answer.cscResult())) {
      throw ApiError.upstream("bank", "answered a verification without a valid csc_result");
    }
    return answer.cscResult();
  }

  /**
   * A captured authorization: {@code POST /v1/authorizations} with {@code idempotencyKey} as
   * its {@code Idempotency-Key}, so a retried call never charges twice.
   *
   * @param amount minor units, &gt; 0
   * @param currency ISO 4217, e.g. {@code "EUR"}
   * @param reference the caller's reference, may be null
   */
  public Authorization authorize(String idempotencyKey, CardDetails card, long amount, String currency, String reference) {
    Requests.AuthorizationRequest body = new Requests.AuthorizationRequest(card.number(), card.expiryMonth(), card.expiryYear(), amount, currency, true, reference);
    Authorization answer = client.post("/v1/authorizations", body, Map.of("Idempotency-Key", idempotencyKey), Authorization.class);
    if (answer.id() == null || answer.status() == null || !AUTHORIZATION_STATUSES.contains(answer.status())) {
      throw ApiError.upstream("bank", "answered an authorization without an id or a valid status");
    }
    return answer;
  }

  /**
   * Refunds part or all of a captured authorization: {@code POST /v1/authorizations/{id}/refunds}.
   *
   * @param amount minor units, &gt; 0
   * @throws ApiError 409 with the bank's code ({@code refund_exceeds_capture},
   *     {@code not_refundable}) when the bank refuses the refund
   */
  public BankRefund refund(String authorizationId, long amount) {
    BankRefund answer;
    try {
      answer = client.post("/v1/authorizations/" + authorizationId + "/refunds", new Requests.Refund(amount), Map.of(), BankRefund.class);
    } catch (JsonClient.Failure e) {
      if (e.upstreamStatus() == 409) {
        throw ApiError.conflict(e.upstreamCode(), "the bank refused the refund (" + e.upstreamCode() + ")");
      }
      throw e;
    }
    if (answer.id() == null || answer.status() == null) {
      throw ApiError.upstream("bank", "answered a refund without an id or a status");
    }
    return answer;
  }
}
