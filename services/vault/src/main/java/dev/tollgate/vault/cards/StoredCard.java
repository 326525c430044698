package dev.tollgate.vault.cards;

import dev.tollgate.vault.crypto.CardCipher;

/** A row of {@code cards}: the sealed number and what may be shown of the card. */
record StoredCard(String token, CardCipher.Sealed sealed, String fingerprint, String brand, String lastFour, int expiryMonth, int expiryYear, String holderName) {}
