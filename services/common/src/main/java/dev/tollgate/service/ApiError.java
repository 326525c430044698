package dev.tollgate.service;

import java.util.Map;

/**
 * An error a handler returns to the caller: an HTTP status, a stable machine-readable
 * {@code code} (snake_case, never changed once released: clients branch on it) and a
 * human-readable message. Rendered by {@link HttpService} as
 * {@code {"code": "...", "message": "...", "details": {...}}}.
 *
 * <p>Messages must never contain secrets or card numbers.
 */
public class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, Object> details;

  public ApiError(int status, String code, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public ApiError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  /** 400 for a request that fails validation; {@code field} names the offending field. */
  public static ApiError invalid(String code, String field, String message) {
    return new ApiError(400, code, message, Map.of("field", field));
  }

  /** 401: no or unknown credentials. */
  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }

  /** 403: known caller, forbidden action. */
  public static ApiError forbidden(String code, String message) {
    return new ApiError(403, code, message);
  }

  /** 404: no such resource (also used for another tenant's resource, so nothing leaks). */
  public static ApiError notFound(String what, String id) {
    return new ApiError(404, "not_found", what + " " + id + " not found");
  }

  /** 409: the request conflicts with the resource's state. */
  public static ApiError conflict(String code, String message) {
    return new ApiError(409, code, message);
  }

  /** 502: a service this one depends on failed or answered nonsense. */
  public static ApiError upstream(String service, String message) {
    return new ApiError(502, "upstream_error", service + ": " + message, Map.of("service", service));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}
