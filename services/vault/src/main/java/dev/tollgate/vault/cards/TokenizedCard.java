package dev.tollgate.vault.cards;

/** The 201 answer of {@code POST /v1/cards}. */
record TokenizedCard(String token, String brand, String lastFour, int expiryMonth, int expiryYear, String fingerprint, String cscResult) {}
