package dev.tollgate.vault.cards;

import dev.tollgate.vault.bank.CardDetails;

/**
 * A card that passed {@link CardValidator}: number digits only, its brand, a current expiry,
 * a CSC of the brand's length and an optional holder name. Its {@code toString} never shows
 * the number or the CSC.
 */
record ValidCard(String number, Brand brand, int expiryMonth, int expiryYear, String csc, String holderName) {
  /** The last four digits of the number (safe to show and store). */
  String lastFour() {
    return number.substring(number.length() - 4);
  }

  /** The card as the bank needs it. */
  CardDetails details() {
    return new CardDetails(number, expiryMonth, expiryYear);
  }

  @Override
  public String toString() {
    return "ValidCard[brand=" + brand.wireName() + ", last_four=" + lastFour() + ", expiry=" + expiryMonth + "/" + expiryYear + "]";
  }
}
