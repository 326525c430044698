package dev.tollgate.client;

import java.security.SecureRandom;
import java.time.Year;
import java.util.Set;

/**
 * Card numbers for test environments whose bank is the Tollgate bank sandbox (staging,
 * acceptance); they mean nothing to a real bank. Source: the bank sandbox's README ("Magic
 * test cards"). Every number is Luhn-valid; any expiry not in the past and any CSC of the
 * right length (3 digits) work.
 */
public final class TestCards {
  /** Approved (verification {@code csc_result} "pass"). */
  public static final String APPROVED_VISA = "4242424242424242";
  /** Approved (mastercard). */
  public static final String APPROVED_MASTERCARD = "5555555555554444";
  /** Declined by the bank with {@code card_declined}. */
  public static final String DECLINED = "4000000000000002";
  /** Declined by the bank with {@code insufficient_funds}. */
  public static final String INSUFFICIENT_FUNDS = "4000000000009995";
  /** The bank's verification answers {@code csc_result} "fail": payments declines {@code csc_check_failed}. */
  public static final String CSC_FAIL = "4000000000000127";
  /** Approved, but the bank answers after its slow-response delay (3 s by default). */
  public static final String SLOW = "4000000000000077";

  private static final Set<String> MAGIC = Set.of(APPROVED_VISA, APPROVED_MASTERCARD, DECLINED, INSUFFICIENT_FUNDS, CSC_FAIL, SLOW);
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCards() {}

  /**
   * A random 16-digit Luhn-valid Visa number that is none of the magic numbers, so the bank
   * sandbox approves it. Tests use a fresh one each so that the fraud service's velocity rule
   * (several checks on one card within an hour add risk) never sees one test's card in
   * another's.
   */
  public static String uniqueApproved() {
    while (true) {
      StringBuilder digits = new StringBuilder("4");
      for (int i = 0; i < 14; i++) {
        digits.append(RANDOM.nextInt(10));
      }
      String number = digits.append(checkDigit(digits)).toString();
      if (!MAGIC.contains(number)) {
        return number;
      }
    }
  }

  /** A year whose cards are valid: three years from now. */
  public static int validExpiryYear() {
    return Year.now().getValue() + 3;
  }

  /** A card request for {@code number}, expiring in December of {@link #validExpiryYear()}, CSC 123. */
  public static CardRequest request(String number) {
    return new CardRequest(number, 12, validExpiryYear(), "123", "Test Holder");
  }

  /** Whether {@code number} (digits only) passes the Luhn check. */
  static boolean luhnValid(String number) {
    if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return checkDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
  }

  /** The Luhn check digit to append to {@code payload}. */
  static int checkDigit(CharSequence payload) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int digit = payload.charAt(i) - '0';
      if (doubleIt) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }
}
