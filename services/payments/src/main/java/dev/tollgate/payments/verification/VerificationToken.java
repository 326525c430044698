package dev.tollgate.payments.verification;

import dev.tollgate.payments.api.Hashing;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret of {@code DELETE /internal/test-data}. Compared in constant time (the
 * SHA-256 digests of both, so neither the content nor the length leaks through timing).
 * Without a configured token nothing matches.
 */
final class VerificationToken {
  private final Optional<byte[]> expected;

  VerificationToken(Optional<String> configured) {
    this.expected = configured.map(Hashing::sha256);
  }

  boolean matches(String presented) {
    if (expected.isEmpty() || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.get(), Hashing.sha256(presented));
  }
}
