package dev.tollgate.cards;

/**
 * The Luhn (mod 10) check digit of card numbers, as specified in ISO/IEC 7812-1 Annex B: the
 * vault refuses a card that fails it, and so does the bank sandbox.
 */
public final class Luhn {
  /** The fewest digits of a card number the services accept. */
  public static final int MIN_LENGTH = 12;
  /** The most digits of a card number (ISO/IEC 7812-1). */
  public static final int MAX_LENGTH = 19;

  private Luhn() {}

  /**
   * True when {@code number} is a card number: {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
   * ASCII digits (no spaces or dashes) that pass {@link #isValid}; false for anything else,
   * null included.
   */
  public static boolean isCardNumber(String number) {
    return number != null && number.length() >= MIN_LENGTH && number.length() <= MAX_LENGTH && isValid(number);
  }

  /**
   * True when {@code digits} is at least two ASCII digits whose last is the Luhn check digit of
   * the others, whatever their number; false for anything else, null included.
   */
  public static boolean isValid(String digits) {
    if (digits == null || digits.length() < 2) {
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
