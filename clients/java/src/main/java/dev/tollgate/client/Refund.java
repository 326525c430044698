package dev.tollgate.client;

import java.time.Instant;

/**
 * A refund of a debit: {@code {id, debit_id, amount, status, created_at}}.
 *
 * @param id {@code rf_…}
 * @param amount integer minor units, &gt; 0
 * @param status {@code succeeded}
 */
public record Refund(String id, String debitId, long amount, String status, Instant createdAt) {}
