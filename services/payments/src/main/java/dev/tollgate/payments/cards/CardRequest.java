package dev.tollgate.payments.cards;

import dev.tollgate.payments.api.Fields;

/**
 * Body of {@code POST /v1/cards}: {@code {number, expiry_month, expiry_year, csc, holder_name?}}.
 * Presence is checked here; the vault checks the values (Luhn, expiry, brand, CSC length).
 * Forwarded as is to the vault. {@link #toString()} hides the number and the CSC.
 */
record CardRequest(String number, Integer expiryMonth, Integer expiryYear, String csc, String holderName) {
  CardRequest validated() {
    Fields.requireText(number, "number", 64);
    Fields.require(expiryMonth, "expiry_month");
    Fields.require(expiryYear, "expiry_year");
    Fields.requireText(csc, "csc", 8);
    Fields.optional(holderName, "holder_name", 200);
    return this;
  }

  @Override
  public String toString() {
    return "CardRequest[number=<hidden>, expiryMonth=" + expiryMonth + ", expiryYear=" + expiryYear + ", csc=<hidden>, holderName=" + holderName + "]";
  }
}
