package dev.tollgate.probe.load;

import dev.tollgate.client.TestCards;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Card numbers for the probe's cards, none handed out twice in a run: random 16-digit,
 * Luhn-valid Visa numbers that are none of the bank sandbox's magic numbers, which the sandbox
 * approves ({@link TestCards#uniqueApproved()}; source: services/bank-sandbox/README.md, "Magic
 * test cards"). A fresh number is a fresh card fingerprint, so the fraud service's velocity
 * rule never sees another run's or another test's checks on it. Thread-safe.
 */
public final class CardNumbers implements Supplier<String> {
  private final Set<String> issued = new HashSet<>();

  /** A number not handed out before by this instance. */
  @Override
  public synchronized String get() {
    String number = TestCards.uniqueApproved();
    while (!issued.add(number)) {
      number = TestCards.uniqueApproved();
    }
    return number;
  }

  /**
   * The JSON body of {@code POST /v1/cards} for {@code number}: expiry December of
   * {@link TestCards#validExpiryYear()}, CSC 123 (the sandbox's verification passes it),
   * holder "Rollout Probe".
   */
  static String cardBody(String number) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("number", number);
    card.put("expiry_month", 12);
    card.put("expiry_year", TestCards.validExpiryYear());
    card.put("csc", "123");
    card.put("holder_name", "Rollout Probe");
    return Traffic.json(card);
  }
}
