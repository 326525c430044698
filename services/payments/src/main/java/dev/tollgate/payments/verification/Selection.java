package dev.tollgate.payments.verification;

import dev.tollgate.service.ApiError;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Which test data to delete: one marketplace ({@code marketplace_id}) or every test
 * marketplace created before an instant ({@code created_before}, ISO-8601). Exactly one.
 */
record Selection(String marketplaceId, Instant createdBefore) {
  static Selection parse(String marketplaceId, String createdBefore) {
    boolean byId = marketplaceId != null && !marketplaceId.isBlank();
    boolean byAge = createdBefore != null && !createdBefore.isBlank();
    if (byId == byAge) {
      throw ApiError.invalid("missing_field", "marketplace_id", "give exactly one of marketplace_id and created_before");
    }
    if (byId) {
      return new Selection(marketplaceId, null);
    }
    try {
      return new Selection(null, Instant.parse(createdBefore));
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("invalid_created_before", "created_before", "created_before must be an ISO-8601 instant such as 2024-05-01T00:00:00Z");
    }
  }
}
