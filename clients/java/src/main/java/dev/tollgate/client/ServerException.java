package dev.tollgate.client;

import java.util.Map;

/**
 * 5xx: the API failed, e.g. 500 {@code internal_error}, 502 {@code upstream_error} (fraud or the
 * vault failed; {@code details.service} names it), 503 while an instance drains, 504
 * {@code upstream_timeout}. A debit that failed this way was not stored; retry it with the
 * same Idempotency-Key.
 */
public class ServerException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; status 500..599. */
  public ServerException(int status, String code, String message, Map<String, Object> details) {
    super(status, code, message, details);
  }
}
