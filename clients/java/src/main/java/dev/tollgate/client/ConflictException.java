package dev.tollgate.client;

import java.util.Map;

/**
 * 409: the resource's state forbids the call, e.g. {@code refund_exceeds_debit},
 * {@code debit_not_refundable}, {@code idempotency_key_in_progress} (retry later with the same
 * key), or the vault's {@code refund_exceeds_capture} / {@code not_refundable}.
 */
public class ConflictException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; the status is 409. */
  public ConflictException(String code, String message, Map<String, Object> details) {
    super(409, code, message, details);
  }
}
