package dev.tollgate.client;

import static dev.tollgate.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentsClientBuilderTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void anHttpClientOfTheCallersOwnIsUsedWithTheConfiguredTimeouts() throws Exception {
    server.enqueue(json(200, """
        {"id":"mp_1","name":"Acme","test":true,"created_at":"2026-01-02T03:04:05Z"}"""));
    PaymentsClient client = PaymentsClient.builder(server.url("/").uri())
        .httpClient(HttpClient.newHttpClient())
        .connectTimeout(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofSeconds(5))
        .apiKey("sk_own")
        .build();

    assertThat(client.marketplaces().me().id()).isEqualTo("mp_1");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer sk_own");
  }

  @Test
  void anAnswerSlowerThanTheRequestTimeoutIsANetworkException() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    PaymentsClient client = PaymentsClient.builder(server.url("/").uri()).requestTimeout(Duration.ofMillis(200)).apiKey("sk_abc").build();

    assertThatThrownBy(() -> client.debits().get("db_1"))
        .isInstanceOfSatisfying(NetworkException.class, e -> assertThat(e.getMessage()).contains("GET /v1/debits/db_1"));
  }

  @Test
  void timeoutsMustBePositive() {
    PaymentsClient.Builder builder = PaymentsClient.builder(URI.create("http://127.0.0.1:8081"));

    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> builder.apiKey(null)).isInstanceOf(NullPointerException.class);
  }
}
