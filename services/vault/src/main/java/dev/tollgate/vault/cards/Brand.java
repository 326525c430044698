package dev.tollgate.vault.cards;

import java.util.Set;

/**
 * The card brands the vault accepts, with each one's card number lengths and CSC length.
 * Source: the networks' published IIN and length tables as summarized in ISO/IEC 7812 listings
 * (e.g. Wikipedia, "Payment card number"); the CSC is 4 digits on American Express (the CID),
 * 3 on the others.
 */
enum Brand {
  VISA("visa", 3, Set.of(13, 16, 19)),
  MASTERCARD("mastercard", 3, Set.of(16)),
  AMEX("amex", 4, Set.of(15)),
  DISCOVER("discover", 3, Set.of(16, 17, 18, 19));

  private final String wireName;
  private final int cscLength;
  private final Set<Integer> lengths;

  Brand(String wireName, int cscLength, Set<Integer> lengths) {
    this.wireName = wireName;
    this.cscLength = cscLength;
    this.lengths = lengths;
  }

  /** The name on the wire and in the database: {@code visa}, {@code mastercard}, {@code amex}, {@code discover}. */
  String wireName() {
    return wireName;
  }

  /** Digits in this brand's card security code. */
  int cscLength() {
    return cscLength;
  }

  /** Whether a card number of {@code length} digits can be of this brand. */
  boolean acceptsLength(int length) {
    return lengths.contains(length);
  }
}
