package dev.tollgate.probe.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Whether every debit the API acknowledged is in the payments database.
 *
 * @param checked true when the database was asked successfully
 * @param acknowledged how many distinct debits the API acknowledged (201, or 402 with
 *     {@code details.debit_id})
 * @param lostIds the acknowledged debits missing from the {@code debits} table (empty unless
 *     checked)
 * @param error why the check was attempted but failed; null otherwise
 */
@JsonPropertyOrder({"checked", "acknowledged", "lost", "lost_ids", "error"})
public record LostCheck(boolean checked, long acknowledged, List<String> lostIds, String error) {
  /** A copy with an unmodifiable list. */
  public LostCheck {
    lostIds = List.copyOf(lostIds);
  }

  /** No database was given. */
  public static LostCheck notChecked(long acknowledged) {
    return new LostCheck(false, acknowledged, List.of(), null);
  }

  /** The database answered; {@code lostIds} are missing from it. */
  public static LostCheck checked(long acknowledged, List<String> lostIds) {
    return new LostCheck(true, acknowledged, lostIds, null);
  }

  /** The database could not be asked. */
  public static LostCheck failed(long acknowledged, String error) {
    return new LostCheck(false, acknowledged, List.of(), error);
  }

  /** How many were lost; null unless checked. */
  @JsonProperty("lost")
  public Long lost() {
    return checked ? (long) lostIds.size() : null;
  }

  /** True unless the check ran and found a loss, or could not run. */
  @JsonIgnore
  public boolean passed() {
    return error == null && lostIds.isEmpty();
  }
}
