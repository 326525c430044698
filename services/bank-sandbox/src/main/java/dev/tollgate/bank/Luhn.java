package dev.tollgate.bank;

/**
 * The Luhn (mod 10) check digit of card numbers, as specified in ISO/IEC 7812-1 Annex B.
 */
final class Luhn {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 19;

  private Luhn() {}

  /**
   * True when {@code number} is {@value #MIN_LENGTH} to {@value #MAX_LENGTH} ASCII digits
   * (no spaces or dashes) whose last digit is the Luhn check digit of the others.
   */
  static boolean isValid(String number) {
    if (number == null || number.length() < MIN_LENGTH || number.length() > MAX_LENGTH) {
      return false;
    }
    int sum = 0;
    boolean doubled = false;
    for (int i = number.length() - 1; i >= 0; i--) {
      char c = number.charAt(i);
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
