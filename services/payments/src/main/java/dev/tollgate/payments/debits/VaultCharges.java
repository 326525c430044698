package dev.tollgate.payments.debits;

import dev.tollgate.service.ApiError;
import dev.tollgate.service.JsonClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The vault's {@code POST /v1/cards/{token}/charges}. */
final class VaultCharges {
  /** The request: {@code {amount, currency, reference}}. */
  record ChargeRequest(long amount, String currency, String reference) {}

  /** The vault's answer: {@code {id:"ch_…", status:"succeeded"|"declined", decline_code}}. */
  record Charge(String id, String status, String declineCode) {
    boolean succeeded() {
      return "succeeded".equals(status);
    }
  }

  private final JsonClient vault;

  VaultCharges(JsonClient vault) {
    this.vault = vault;
  }

  /**
   * Charges the card; {@code debitId} is both the reference and the Idempotency-Key, so a
   * retry of the same debit never charges twice.
   *
   * @throws ApiError 502 when the answer lacks id or status; the client's 502/504 otherwise
   */
  Charge charge(String vaultToken, long amount, String currency, String debitId) {
    String path = "/v1/cards/" + URLEncoder.encode(vaultToken, StandardCharsets.UTF_8) + "/charges";
    Charge charge = vault.post(path, new ChargeRequest(amount, currency, debitId), Map.of("Idempotency-Key", debitId), Charge.class);
    if (charge == null || charge.id() == null || charge.status() == null) {
      throw ApiError.upstream("vault", "charge response lacks id or status");
    }
    if (!charge.succeeded() && !"declined".equals(charge.status())) {
      throw ApiError.upstream("vault", "charge response has unknown status " + charge.status());
    }
    return charge;
  }
}
