package dev.tollgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonClientIT {
  record Answer(String status) {}

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void postsJsonWithHeadersAndParsesTheAnswer() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"status\": \"approved\"}"));
    JsonClient client = new JsonClient("bank", URI.create(server.url("/").toString()), Duration.ofSeconds(2));

    Answer answer = client.post("/v1/authorizations", Map.of("amount", 100), Map.of("Idempotency-Key", "k1"), Answer.class);

    assertThat(answer.status()).isEqualTo("approved");
    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(sent.getPath()).isEqualTo("/v1/authorizations");
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("k1");
    assertThat(sent.getBody().readUtf8()).isEqualTo("{\"amount\":100}");
  }

  @Test
  void aNon2xxAnswerCarriesTheUpstreamStatusAndCode() {
    server.enqueue(new MockResponse().setResponseCode(409).setBody("{\"code\": \"refund_exceeds_capture\"}"));
    JsonClient client = new JsonClient("bank", URI.create(server.url("/").toString()), Duration.ofSeconds(2));

    assertThatThrownBy(() -> client.get("/x", Answer.class))
        .isInstanceOfSatisfying(JsonClient.Failure.class, f -> {
          assertThat(f.status()).isEqualTo(502);
          assertThat(f.upstreamStatus()).isEqualTo(409);
          assertThat(f.upstreamCode()).isEqualTo("refund_exceeds_capture");
        });
  }

  @Test
  void aBodyThatStallsAfterTheHeadersTimesOutAs504() {
    server.enqueue(new MockResponse().setBody("{\"status\": \"approved\"}").setBodyDelay(5, TimeUnit.SECONDS));
    JsonClient client = new JsonClient("bank", URI.create(server.url("/").toString()), Duration.ofMillis(300));

    assertThatThrownBy(() -> client.get("/slow", Answer.class))
        .isInstanceOfSatisfying(JsonClient.Failure.class, f -> {
          assertThat(f.status()).isEqualTo(504);
          assertThat(f.code()).isEqualTo("upstream_timeout");
        });
  }

  @Test
  void aRefusedConnectionIsAnUpstreamError() {
    JsonClient client = new JsonClient("fraud", URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1));

    assertThatThrownBy(() -> client.get("/x", Answer.class))
        .isInstanceOfSatisfying(JsonClient.Failure.class, f -> assertThat(f.upstreamCode()).isEqualTo("unreachable"));
  }
}
