package dev.tollgate.client;

import java.util.Map;

/**
 * 404 {@code not_found}: no such resource for the calling marketplace (another marketplace's
 * resource is a 404 too, never a 403).
 */
public class NotFoundException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; the status is 404. */
  public NotFoundException(String code, String message, Map<String, Object> details) {
    super(404, code, message, details);
  }
}
