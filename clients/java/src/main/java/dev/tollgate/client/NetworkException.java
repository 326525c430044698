package dev.tollgate.client;

import java.util.Map;

/**
 * No HTTP answer arrived (connection refused, reset, timed out, interrupted): status 0, code
 * {@code network_error}. Whether the API acted is unknown: retry a debit with the same
 * Idempotency-Key.
 */
public class NetworkException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  NetworkException(String message, Throwable cause) {
    super(0, "network_error", message, Map.of(), cause);
  }
}
