package dev.tollgate.client;

import java.util.Map;

/**
 * 402: the debit was declined and stored with status {@code failed}. {@link #code()} is its
 * failure code: {@code csc_check_failed} or {@code high_risk} (declined by payments after the
 * fraud check, nothing charged), or the bank's decline code ({@code card_declined},
 * {@code insufficient_funds}, {@code incorrect_csc}, …). {@link #debitId()} names the stored
 * debit, which {@link Debits#get(String)} returns.
 */
public class CardDeclinedException extends PaymentsException {
  private static final long serialVersionUID = 1L;

  /** See {@link PaymentsException#PaymentsException(int, String, String, Map)}; the status is 402. */
  public CardDeclinedException(String code, String message, Map<String, Object> details) {
    super(402, code, message, details);
  }

  /** The failed debit's id ({@code db_…}, from {@code details.debit_id}), or null. */
  public String debitId() {
    return detail("debit_id");
  }
}
