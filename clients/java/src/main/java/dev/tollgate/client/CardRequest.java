package dev.tollgate.client;

/**
 * Body of {@code POST /v1/cards}: {@code {number, expiry_month, expiry_year, csc, holder_name?}}.
 * The number and CSC go to the vault and are never returned; {@link #toString()} hides them.
 *
 * @param number the card number (PAN), digits only, e.g. the test card {@code 4242424242424242}
 * @param expiryMonth 1..12
 * @param expiryYear four digits, e.g. 2030; the card is valid through the end of that month
 * @param csc the security code: 3 digits, 4 for amex
 * @param holderName may be null
 */
public record CardRequest(String number, int expiryMonth, int expiryYear, String csc, String holderName) {
  @Override
  public String toString() {
    return "CardRequest[number=<hidden>, expiryMonth=" + expiryMonth + ", expiryYear=" + expiryYear + ", csc=<hidden>, holderName=" + holderName + "]";
  }
}
