package dev.tollgate.client;

import java.util.Map;

/**
 * The payments API refused a call. Its error body is {@code {"code", "message", "details"?}}
 * (see the payments service's README); the subclass says which kind by HTTP status:
 *
 * <ul>
 *   <li>400 {@link InvalidRequestException} ({@code missing_field}, {@code invalid_amount}, …;
 *       {@code details.field} names the field)
 *   <li>401 {@link AuthenticationException} (no, malformed or unknown API key)
 *   <li>402 {@link CardDeclinedException} (the debit was stored as failed; it carries the
 *       debit id)
 *   <li>404 {@link NotFoundException} (also another marketplace's resource)
 *   <li>409 {@link ConflictException} ({@code refund_exceeds_debit}, …)
 *   <li>422 {@link IdempotencyException} (an Idempotency-Key reused with another body)
 *   <li>5xx {@link ServerException}
 *   <li>anything else: this class itself (e.g. 403 {@code not_test_data})
 * </ul>
 *
 * <p>When the body is not such JSON (e.g. a proxy's HTML page), {@link #code()} is
 * {@code http_<status>} and the message holds the start of the body.
 */
public class PaymentsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, Object> details;

  /**
   * @param status the HTTP status (0 when there was no HTTP answer, see {@link NetworkException})
   * @param code the stable error code, e.g. {@code invalid_amount}
   * @param message the API's human-readable message
   * @param details the error's {@code details} object, empty when absent
   */
  public PaymentsException(int status, String code, String message, Map<String, Object> details) {
    this(status, code, message, details, null);
  }

  PaymentsException(int status, String code, String message, Map<String, Object> details, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  static PaymentsException of(int status, String code, String message, Map<String, Object> details) {
    return switch (status) {
      case 400 -> new InvalidRequestException(code, message, details);
      case 401 -> new AuthenticationException(code, message, details);
      case 402 -> new CardDeclinedException(code, message, details);
      case 404 -> new NotFoundException(code, message, details);
      case 409 -> new ConflictException(code, message, details);
      case 422 -> new IdempotencyException(code, message, details);
      default -> status >= 500 && status < 600
          ? new ServerException(status, code, message, details)
          : new PaymentsException(status, code, message, details);
    };
  }

  /** The HTTP status; 0 when no answer arrived. */
  public int status() {
    return status;
  }

  /** The stable error code, e.g. {@code card_declined}, {@code refund_exceeds_debit}. */
  public String code() {
    return code;
  }

  /** The error's {@code details} (e.g. {@code field}, {@code debit_id}); empty when absent. */
  public Map<String, Object> details() {
    return details;
  }

  /** A text value of {@link #details()}, or null. */
  String detail(String name) {
    Object value = details.get(name);
    return value == null ? null : value.toString();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + status + " " + code + "]: " + getMessage();
  }
}
