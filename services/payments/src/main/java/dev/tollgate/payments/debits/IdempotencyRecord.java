package dev.tollgate.payments.debits;

import dev.tollgate.service.ApiError;

/**
 * A row of {@code idempotency_keys}: the request hash the key is bound to, and the stored
 * answer ({@code responseStatus} null while the first request is still in progress).
 */
record IdempotencyRecord(String requestHash, Integer responseStatus, String responseBody) {
  /**
   * What a request with the same key and {@code requestHash} gets.
   *
   * @throws ApiError 422 {@code idempotency_key_reused} when the key was used for another
   *     request; 409 {@code idempotency_key_in_progress} while the first is unfinished
   */
  StoredResponse replayFor(String requestHash) {
    if (!this.requestHash.equals(requestHash)) {
      throw new ApiError(422, "idempotency_key_reused", "this Idempotency-Key was already used with a different request body");
    }
    if (responseStatus == null) {
      throw ApiError.conflict("idempotency_key_in_progress", "a request with this Idempotency-Key is still in progress; retry later");
    }
    return new StoredResponse(responseStatus, responseBody);
  }
}
