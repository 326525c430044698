package dev.tollgate.client;

import java.util.Map;
import java.util.Objects;

/** Signup ({@code POST /v1/marketplaces}, no API key needed) and {@code GET /v1/marketplaces/me}. */
public final class Marketplaces {
  private final Transport transport;

  Marketplaces(Transport transport) {
    this.transport = transport;
  }

  /**
   * Creates a marketplace; the answer holds its API key, shown this once.
   *
   * @throws InvalidRequestException {@code missing_field} (name), {@code invalid_email},
   *     {@code field_too_long}
   */
  public NewMarketplace signup(SignupRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.post("/v1/marketplaces", request, Map.of(), Transport.type(NewMarketplace.class));
  }

  /**
   * The marketplace whose key this client uses.
   *
   * @throws AuthenticationException when the key is missing or unknown
   */
  public Marketplace me() {
    return transport.get("/v1/marketplaces/me", Transport.type(Marketplace.class));
  }
}
