package dev.tollgate.payments.refunds;

import dev.tollgate.payments.api.Fields;

/** Body of {@code POST /v1/debits/{id}/refunds}: {@code {amount?}} in minor units; absent = what remains. */
record RefundRequest(Long amount) {
  static final RefundRequest REMAINING = new RefundRequest(null);

  RefundRequest validated() {
    if (amount != null) {
      Fields.positiveAmount(amount, "amount");
    }
    return this;
  }
}
