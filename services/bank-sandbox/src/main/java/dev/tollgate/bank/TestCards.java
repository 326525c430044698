package dev.tollgate.bank;

import java.util.Map;

/**
 * The magic test card numbers and what the sandbox does with each (the table in README.md).
 * Any other valid number behaves like {@link #APPROVED}.
 */
final class TestCards {

  /** How the bank treats a card. */
  record Behaviour(String cscResult, String declineCode, boolean slow) {
    boolean approves() {
      return declineCode == null;
    }
  }

  static final Behaviour APPROVED = new Behaviour("pass", null, false);
  static final Behaviour DECLINED = new Behaviour("pass", "card_declined", false);
  static final Behaviour INSUFFICIENT_FUNDS = new Behaviour("pass", "insufficient_funds", false);
  static final Behaviour INCORRECT_CSC = new Behaviour("fail", "incorrect_csc", false);
  static final Behaviour SLOW = new Behaviour("pass", null, true);

  private static final Map<String, Behaviour> MAGIC = Map.of(
      "4242424242424242", APPROVED,
      "5555555555554444", APPROVED,
      "4000000000000002", DECLINED,
      "4000000000009995", INSUFFICIENT_FUNDS,
      "4000000000000127", INCORRECT_CSC,
      "4000000000000077", SLOW);

  private TestCards() {}

  /** The behaviour of a (valid) card number. */
  static Behaviour of(String number) {
    return MAGIC.getOrDefault(number, APPROVED);
  }
}
