package dev.tollgate.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point of the Java client of the Tollgate payments API.
 *
 * <pre>{@code
 * PaymentsClient anonymous = PaymentsClient.builder(URI.create("http://127.0.0.1:8081")).build();
 * NewMarketplace signup = anonymous.marketplaces().signup(SignupRequest.test("Acme"));
 * PaymentsClient client = anonymous.withApiKey(signup.apiKey());
 * Card card = client.cards().create(new CardRequest("4242424242424242", 12, 2030, "123", null));
 * Debit debit = client.debits().create(new DebitRequest(card.id(), 1500, "USD", "order 42"), IdempotencyKeys.random());
 * }</pre>
 *
 * <p>Every call is synchronous and thread-safe; a client and its resource groups may be shared.
 * Amounts are always integer minor units (cents for USD), currencies ISO 4217 codes of three
 * uppercase letters. A call that the API refuses throws a subclass of
 * {@link PaymentsException} chosen by the HTTP status (see there); a call that gets no HTTP
 * answer at all throws {@link NetworkException}.
 */
public final class PaymentsClient {
  private final Transport transport;

  private PaymentsClient(Transport transport) {
    this.transport = transport;
  }

  /**
   * A builder for a client of the API at {@code baseUrl}, e.g. {@code http://127.0.0.1:8081}
   * (a path prefix is kept: {@code https://host/payments} calls {@code /payments/v1/...}).
   */
  public static Builder builder(URI baseUrl) {
    return new Builder(baseUrl);
  }

  /**
   * The same client acting for the marketplace whose secret key is {@code apiKey}
   * ({@code sk_…}, sent as {@code Authorization: Bearer sk_…}); the HTTP connection pool is
   * shared.
   */
  public PaymentsClient withApiKey(String apiKey) {
    return new PaymentsClient(transport.withApiKey(Objects.requireNonNull(apiKey, "apiKey")));
  }

  /** Signup and the calling marketplace. */
  public Marketplaces marketplaces() {
    return new Marketplaces(transport);
  }

  /** Tokenized cards of the calling marketplace. */
  public Cards cards() {
    return new Cards(transport);
  }

  /** Debits (charges of a card) of the calling marketplace. */
  public Debits debits() {
    return new Debits(transport);
  }

  /** Refunds of the calling marketplace's debits. */
  public Refunds refunds() {
    return new Refunds(transport);
  }

  /** Builds a {@link PaymentsClient}; every setting but the URL is optional. */
  public static final class Builder {
    private final URI baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private HttpClient httpClient;

    private Builder(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("the payments API URL must be an absolute http(s) URL such as http://127.0.0.1:8081, not '" + baseUrl + "'");
      }
      this.baseUrl = baseUrl;
    }

    /** The marketplace's secret key ({@code sk_…}); without one only signup works. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** How long to wait for a TCP connection (default 10 s); ignored with {@link #httpClient}. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for each whole answer (default 30 s). */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** An {@link HttpClient} of your own (proxy, TLS settings); by default one is built. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** The client. */
    public PaymentsClient build() {
      HttpClient http = httpClient != null
          ? httpClient
          : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
      return new PaymentsClient(new Transport(http, baseUrl, apiKey, requestTimeout));
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }
  }
}
