package dev.tollgate.payments.marketplaces;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the API key from an {@code Authorization} header: {@code Bearer sk_...}, or HTTP
 * Basic (RFC 7617) with the key as the user name and an empty password. Anything else,
 * including a malformed header or a value that does not look like a key, gives no key.
 */
final class Credentials {
  private Credentials() {}

  static Optional<String> apiKey(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String[] parts = authorization.trim().split(" +", 2);
    if (parts.length != 2) {
      return Optional.empty();
    }
    String scheme = parts[0].toLowerCase(Locale.ROOT);
    String value = parts[1].trim();
    Optional<String> key = switch (scheme) {
      case "bearer" -> Optional.of(value);
      case "basic" -> basicUser(value);
      default -> Optional.empty();
    };
    return key.filter(Credentials::looksLikeKey);
  }

  private static Optional<String> basicUser(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || colon != decoded.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(decoded.substring(0, colon));
  }

  private static boolean looksLikeKey(String key) {
    return key.startsWith(ApiKeys.PREFIX) && key.length() > ApiKeys.PREFIX.length() && key.length() <= 200 && key.chars().noneMatch(Character::isWhitespace);
  }
}
