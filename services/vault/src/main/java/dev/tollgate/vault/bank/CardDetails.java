package dev.tollgate.vault.bank;

/**
 * What the bank needs to identify a card: the number (digits only) and its expiry. Its
 * {@code toString} never shows the number.
 */
public record CardDetails(String number, int expiryMonth, int expiryYear) {
  @Override
  public String toString() {
    return "CardDetails[number=redacted, expiry=" + expiryMonth + "/" + expiryYear + "]";
  }
}
