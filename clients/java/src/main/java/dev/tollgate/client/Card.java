package dev.tollgate.client;

import java.time.Instant;

/**
 * A tokenized card: {@code {id, brand, last_four, expiry_month, expiry_year, holder_name, created_at}}.
 *
 * @param id {@code card_…}
 * @param brand {@code visa}, {@code mastercard}, {@code amex} or {@code discover}
 * @param lastFour the number's last four digits
 * @param holderName may be null
 */
public record Card(String id, String brand, String lastFour, int expiryMonth, int expiryYear, String holderName, Instant createdAt) {}
