package dev.tollgate.verification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of a run's sweep (test data older than the TTL) or cleanup (the run's own
 * marketplaces), on the wire {@code {status, deleted, error?}}.
 *
 * @param status {@code ok} or {@code failed}
 * @param deleted what was deleted (what succeeded, when some calls failed)
 * @param error why it failed, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Housekeeping(String status, Deleted deleted, String error) {
  static Housekeeping ok(Deleted deleted) {
    return new Housekeeping("ok", deleted, null);
  }

  static Housekeeping failed(Deleted deleted, String error) {
    return new Housekeeping("failed", deleted, error);
  }

  /** Whether it succeeded. */
  public boolean ok() {
    return error == null;
  }
}
