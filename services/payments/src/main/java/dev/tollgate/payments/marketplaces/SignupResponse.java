package dev.tollgate.payments.marketplaces;

import java.time.Instant;

/** Answer to a signup: the marketplace and its API key, shown this once. */
record SignupResponse(String id, String name, String email, boolean test, String apiKey, Instant createdAt) {
  static SignupResponse of(Marketplace marketplace, String apiKey) {
    return new SignupResponse(marketplace.id(), marketplace.name(), marketplace.email(), marketplace.test(), apiKey, marketplace.createdAt());
  }
}
