package dev.tollgate.payments.debits;

/** What a debit needs of a card: its owner, the vault token, fingerprint and CSC result. */
record CardRef(String id, String marketplaceId, String vaultToken, String fingerprint, String cscResult) {}
