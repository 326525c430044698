package dev.tollgate.client;

import java.util.Map;

/**
 * 422 {@code idempotency_key_reused}: the Idempotency-Key was first used with another request
 * body; nothing was done. Use a new key for a new debit.
 */
public class IdempotencyException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; the status is 422. */
  public IdempotencyException(String code, String message, Map<String, Object> details) {
    super(422, code, message, details);
  }
}
