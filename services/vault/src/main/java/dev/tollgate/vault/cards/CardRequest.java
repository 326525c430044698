package dev.tollgate.vault.cards;

/**
 * The body of {@code POST /v1/cards}: {@code {number, expiry_month, expiry_year, csc,
 * holder_name?}}. Fields are nullable here; {@link CardValidator} reports the missing ones.
 * Its {@code toString} never shows the number or the CSC.
 */
record CardRequest(String number, Integer expiryMonth, Integer expiryYear, String csc, String holderName) {
  @Override
  public String toString() {
    return "CardRequest[number=redacted, expiry=" + expiryMonth + "/" + expiryYear + ", csc=redacted]";
  }
}
