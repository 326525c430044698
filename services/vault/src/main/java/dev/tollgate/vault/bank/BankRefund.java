package dev.tollgate.vault.bank;

/** The bank's answer to a refund: {@code id} ({@code rf_...}), the authorization refunded, the amount in minor units, {@code status}. */
public record BankRefund(String id, String authorizationId, Long amount, String status) {}
