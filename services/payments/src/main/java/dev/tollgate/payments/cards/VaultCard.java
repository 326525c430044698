package dev.tollgate.payments.cards;

import dev.tollgate.service.ApiError;
import java.util.Map;

/**
 * The vault's answer to {@code POST /v1/cards}: {@code {token, brand, last_four, expiry_month,
 * expiry_year, fingerprint, csc_result}} (contract in the Tollgate brief, vault section).
 */
record VaultCard(String token, String brand, String lastFour, Integer expiryMonth, Integer expiryYear, String fingerprint, String cscResult) {
  /** This answer, when every field is present; else a 502 naming the first missing field. */
  VaultCard requireComplete() {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("token", token);
    fields.put("brand", brand);
    fields.put("last_four", lastFour);
    fields.put("expiry_month", expiryMonth);
    fields.put("expiry_year", expiryYear);
    fields.put("fingerprint", fingerprint);
    fields.put("csc_result", cscResult);
    fields.forEach((name, value) -> {
      if (value == null) {
        throw new ApiError(502, "upstream_error", "vault: card response lacks " + name, Map.of("service", "vault", "field", name));
      }
    });
    return this;
  }
}
