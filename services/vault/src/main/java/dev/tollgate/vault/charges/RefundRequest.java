package dev.tollgate.vault.charges;

/** The body of {@code POST /v1/charges/{id}/refunds}: {@code {amount}} in minor units. */
record RefundRequest(Long amount) {}
