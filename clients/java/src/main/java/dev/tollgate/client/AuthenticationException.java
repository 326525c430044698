package dev.tollgate.client;

import java.util.Map;

/** 401 {@code unauthorized}: the API key is missing, malformed or unknown. */
public class AuthenticationException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; the status is 401. */
  public AuthenticationException(String code, String message, Map<String, Object> details) {
    super(401, code, message, details);
  }
}
