package dev.tollgate.vault.charges;

/** The body of {@code POST /v1/cards/{token}/charges}: {@code {amount, currency, reference?}}; amount in minor units. */
record ChargeRequest(Long amount, String currency, String reference) {}
