package dev.tollgate.client;

import java.time.Instant;

/**
 * The answer to a signup: the marketplace and its secret API key, which the API shows this
 * once (it stores only a hash). {@link #toString()} hides the key.
 *
 * @param id {@code mp_…}
 * @param apiKey {@code sk_…}; pass it to {@link PaymentsClient#withApiKey(String)}
 */
public record NewMarketplace(String id, String name, String email, boolean test, String apiKey, Instant createdAt) {
  /** The marketplace without its key. */
  public Marketplace marketplace() {
    return new Marketplace(id, name, email, test, createdAt);
  }

  @Override
  public String toString() {
    return "NewMarketplace[id=" + id + ", name=" + name + ", email=" + email + ", test=" + test + ", apiKey=<hidden>, createdAt=" + createdAt + "]";
  }
}
