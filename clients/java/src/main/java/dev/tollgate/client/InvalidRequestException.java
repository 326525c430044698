package dev.tollgate.client;

import java.util.Map;

/**
 * 400: the request was invalid, e.g. {@code missing_field}, {@code invalid_amount},
 * {@code invalid_currency}, {@code invalid_limit}, {@code invalid_json}, or one of the vault's
 * card codes ({@code invalid_card_number}, {@code card_expired}, …).
 */
public class InvalidRequestException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; the status is 400. */
  public InvalidRequestException(String code, String message, Map<String, Object> details) {
    super(400, code, message, details);
  }

  /** The field at fault ({@code details.field}, e.g. {@code amount}), or null. */
  public String field() {
    return detail("field");
  }
}
