package dev.tollgate.payments.refunds;

import dev.tollgate.service.ApiError;
import dev.tollgate.service.JsonClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The vault's {@code POST /v1/charges/{id}/refunds}. */
final class VaultRefunds {
  /** The request: {@code {amount}} in minor units. */
  record RefundRequest(long amount) {}

  /** The vault's answer: {@code {id, charge_id, amount, status}}. */
  record VaultRefund(String id, String chargeId, Long amount, String status) {}

  private final JsonClient vault;

  VaultRefunds(JsonClient vault) {
    this.vault = vault;
  }

  /**
   * Refunds {@code amount} of the vault charge.
   *
   * @throws ApiError 409 with the vault's code when the vault refuses (e.g.
   *     {@code refund_exceeds_capture}); 502 when the answer lacks id or status
   */
  VaultRefund refund(String chargeId, long amount) {
    String path = "/v1/charges/" + URLEncoder.encode(chargeId, StandardCharsets.UTF_8) + "/refunds";
    VaultRefund refund;
    try {
      refund = vault.post(path, new RefundRequest(amount), Map.of(), VaultRefund.class);
    } catch (JsonClient.Failure failure) {
      if (failure.upstreamStatus() == 409) {
        throw ApiError.conflict(failure.upstreamCode(), "the vault refused the refund: " + failure.upstreamCode());
      }
      throw failure;
    }
    if (refund == null || refund.id() == null || refund.status() == null) {
      throw ApiError.upstream("vault", "refund response lacks id or status");
    }
    return refund;
  }
}
