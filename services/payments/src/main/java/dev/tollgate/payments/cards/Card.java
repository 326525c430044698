package dev.tollgate.payments.cards;

import java.time.Instant;

/** A row of {@code cards}: what payments keeps of a tokenized card (never the number). */
record Card(
    String id,
    String marketplaceId,
    String vaultToken,
    String fingerprint,
    String brand,
    String lastFour,
    int expiryMonth,
    int expiryYear,
    String cscResult,
    String holderName,
    Instant createdAt) {}
