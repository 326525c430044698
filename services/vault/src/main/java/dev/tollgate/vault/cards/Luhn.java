package dev.tollgate.vault.cards;

/** The Luhn (mod 10) check digit algorithm of ISO/IEC 7812-1, which every card number satisfies. */
final class Luhn {
  private Luhn() {}

  /** Whether {@code digits} (ASCII digits only, at least two) passes the Luhn check; anything else is false. */
  static boolean isValid(String digits) {
    if (digits.length() < 2) {
      return false;
    }
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int digit = c - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
