package dev.tollgate.vault.cards;

import java.util.Optional;

/**
 * Brand detection by issuer identification number (the leading digits): Visa 4; Mastercard
 * 51-55 and 2221-2720; American Express 34 and 37; Discover 6011 and 65. Sources as for
 * {@link Brand}; other ranges of these networks (e.g. Discover 644-649) are not accepted.
 */
final class Brands {
  private Brands() {}

  /** The brand of a card number (digits only), or empty when its IIN belongs to none we accept. */
  static Optional<Brand> detect(String digits) {
    if (digits.startsWith("4")) {
      return Optional.of(Brand.VISA);
    }
    if (between(digits, 2, 51, 55) || between(digits, 4, 2221, 2720)) {
      return Optional.of(Brand.MASTERCARD);
    }
    if (digits.startsWith("34") || digits.startsWith("37")) {
      return Optional.of(Brand.AMEX);
    }
    if (digits.startsWith("6011") || digits.startsWith("65")) {
      return Optional.of(Brand.DISCOVER);
    }
    return Optional.empty();
  }

  private static boolean between(String digits, int prefixLength, int low, int high) {
    if (digits.length() < prefixLength) {
      return false;
    }
    int prefix = Integer.parseInt(digits.substring(0, prefixLength));
    return prefix >= low && prefix <= high;
  }
}
