package dev.tollgate.vault.bank;

/** The bodies the vault sends the bank (snake_case on the wire); none prints a card number. */
final class Requests {
  private Requests() {}

  record Verification(String cardNumber, int expiryMonth, int expiryYear, String csc) {
    @Override
    public String toString() {
      return "Verification[card_number=redacted, csc=redacted]";
    }
  }

  record AuthorizationRequest(String cardNumber, int expiryMonth, int expiryYear, long amount, String currency, boolean capture, String reference) {
    @Override
    public String toString() {
      return "AuthorizationRequest[card_number=redacted, amount=" + amount + ", currency=" + currency + "]";
    }
  }

  record Refund(long amount) {}

  record VerificationAnswer(String cscResult) {}
}
