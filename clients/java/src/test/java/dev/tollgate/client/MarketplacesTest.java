package dev.tollgate.client;

import static dev.tollgate.client.ClientTestSupport.body;
import static dev.tollgate.client.ClientTestSupport.json;
import static dev.tollgate.client.ClientTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketplacesTest {
  private MockWebServer server;
  private PaymentsClient anonymous;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    anonymous = PaymentsClient.builder(server.url("/").uri()).build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void signupPostsNameEmailAndTestWithoutAuthorizationAndReturnsTheKey() throws Exception {
    server.enqueue(json(201, """
        {"id":"mp_1","name":"Acme","email":"ops@acme.test","test":true,"api_key":"sk_secret","created_at":"2026-01-02T03:04:05.123456Z"}"""));

    NewMarketplace created = anonymous.marketplaces().signup(new SignupRequest("Acme", "ops@acme.test", true));

    assertThat(created.id()).isEqualTo("mp_1");
    assertThat(created.apiKey()).isEqualTo("sk_secret");
    assertThat(created.test()).isTrue();
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    assertThat(created.marketplace()).isEqualTo(new Marketplace("mp_1", "Acme", "ops@acme.test", true, Instant.parse("2026-01-02T03:04:05.123456Z")));
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo("/v1/marketplaces");
    assertThat(sent.getHeader("Authorization")).isNull();
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(sent.getHeader("User-Agent")).isEqualTo("tollgate-payments-java");
    assertThat(body(sent)).isEqualTo(tree("""
        {"name":"Acme","email":"ops@acme.test","test":true}"""));
  }

  @Test
  void signupOfATestMarketplaceLeavesTheEmailOut() throws Exception {
    server.enqueue(json(201, """
        {"id":"mp_1","name":"Acme","email":null,"test":true,"api_key":"sk_secret","created_at":"2026-01-02T03:04:05Z"}"""));

    anonymous.marketplaces().signup(SignupRequest.test("Acme"));

    assertThat(body(server.takeRequest())).isEqualTo(tree("""
        {"name":"Acme","test":true}"""));
  }

  @Test
  void theNewMarketplacesTextNeverShowsItsKey() {
    NewMarketplace created = new NewMarketplace("mp_1", "Acme", null, true, "sk_secret", Instant.EPOCH);

    assertThat(created.toString()).contains("mp_1").doesNotContain("sk_secret");
  }

  @Test
  void meSendsTheKeyAsABearerToken() throws Exception {
    server.enqueue(json(200, """
        {"id":"mp_1","name":"Acme","email":null,"test":false,"created_at":"2026-01-02T03:04:05Z"}"""));

    Marketplace me = anonymous.withApiKey("sk_abc").marketplaces().me();

    assertThat(me.id()).isEqualTo("mp_1");
    assertThat(me.test()).isFalse();
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getPath()).isEqualTo("/v1/marketplaces/me");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk_abc");
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json");
    assertThat(sent.getBodySize()).isZero();
  }

  @Test
  void aKeySetOnTheBuilderIsSentToo() throws Exception {
    server.enqueue(json(200, """
        {"id":"mp_1","name":"Acme","test":false,"created_at":"2026-01-02T03:04:05Z"}"""));

    PaymentsClient.builder(server.url("/").uri()).apiKey("sk_built").build().marketplaces().me();

    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer sk_built");
  }

  @Test
  void anUnknownKeyIsAnAuthenticationException() throws Exception {
    server.enqueue(json(401, """
        {"code":"unauthorized","message":"unknown API key"}"""));

    assertThatThrownBy(() -> anonymous.withApiKey("sk_wrong").marketplaces().me())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.code()).isEqualTo("unauthorized");
          assertThat(e.getMessage()).isEqualTo("unknown API key");
        });
  }

  @Test
  void aBaseUrlWithAPathKeepsItsPrefix() throws Exception {
    server.enqueue(json(200, """
        {"id":"mp_1","name":"Acme","test":false,"created_at":"2026-01-02T03:04:05Z"}"""));

    PaymentsClient.builder(server.url("/payments/").uri()).apiKey("sk_abc").build().marketplaces().me();

    assertThat(server.takeRequest().getPath()).isEqualTo("/payments/v1/marketplaces/me");
  }

  @Test
  void theBuilderRefusesAUrlThatIsNotAbsoluteHttp() {
    assertThatThrownBy(() -> PaymentsClient.builder(URI.create("localhost:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> PaymentsClient.builder(URI.create("ftp://127.0.0.1/")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
