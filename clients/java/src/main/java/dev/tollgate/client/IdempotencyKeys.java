package dev.tollgate.client;

import java.util.UUID;

/**
 * Idempotency keys for {@link Debits#create(DebitRequest, String)}: send the same key (1..255
 * characters, unique per intended debit and marketplace) on every retry of one debit, and the
 * API answers the retries with the first answer without charging again.
 */
public final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** A new random key (a UUID, 36 characters). */
  public static String random() {
    return UUID.randomUUID().toString();
  }
}
