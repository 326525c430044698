package dev.tollgate.payments.debits;

import dev.tollgate.payments.api.Bodies;
import dev.tollgate.payments.api.Hashing;

/**
 * The fingerprint of a debit request that an Idempotency-Key is bound to: SHA-256 hex of the
 * parsed request written back as JSON, so field order and whitespace do not matter but every
 * value does.
 */
final class RequestHash {
  private RequestHash() {}

  static String of(DebitRequest request) {
    return Hashing.sha256Hex(Bodies.json(request));
  }
}
