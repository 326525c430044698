package dev.tollgate.payments.refunds;

import java.time.Instant;

/** A row of {@code refunds}; {@code amount} in minor units, {@code status} as the vault reported it. */
record Refund(String id, String marketplaceId, String debitId, long amount, String status, String vaultRefundId, Instant createdAt) {}
