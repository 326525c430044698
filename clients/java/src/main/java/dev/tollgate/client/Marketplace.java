package dev.tollgate.client;

import java.time.Instant;

/**
 * A marketplace (tenant): {@code {id, name, email, test, created_at}}.
 *
 * @param id {@code mp_…}
 * @param email may be null
 * @param test whether it is a test marketplace
 */
public record Marketplace(String id, String name, String email, boolean test, Instant createdAt) {}
