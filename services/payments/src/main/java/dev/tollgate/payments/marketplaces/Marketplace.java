package dev.tollgate.payments.marketplaces;

import java.time.Instant;

/** A tenant of the payments API; on the wire {@code {id, name, email, test, created_at}}. */
record Marketplace(String id, String name, String email, boolean test, Instant createdAt) {}
