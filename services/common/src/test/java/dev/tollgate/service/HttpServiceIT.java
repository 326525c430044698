package dev.tollgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServiceIT {
  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch requestArrived = new CountDownLatch(1);
  private final CountDownLatch releaseRequest = new CountDownLatch(1);
  private final HttpService service =
      HttpService.create("demo", "1.2.3", Duration.ofSeconds(5), app -> {
        app.get("/boom", ctx -> { throw new IllegalStateException("secret internals"); });
        app.get("/declined", ctx -> { throw ApiError.conflict("card_declined", "the bank declined the card"); });
        app.post("/echo", ctx -> ctx.json(ctx.bodyAsClass(JsonNode.class)));
        app.get("/slow", ctx -> {
          requestArrived.countDown();
          releaseRequest.await(5, TimeUnit.SECONDS);
          ctx.result("finished");
        });
      }).start("127.0.0.1", 0);

  @AfterEach
  void stop() {
    service.drainAndStop();
  }

  @Test
  void healthReportsNameVersionAndUp() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(Json.mapper().readTree("{\"service\":\"demo\",\"version\":\"1.2.3\",\"status\":\"UP\"}"));
  }

  @Test
  void apiErrorsBecomeJsonWithTheirStatusAndStableCode() throws Exception {
    HttpResponse<String> response = get("/declined");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json(response).get("code").asText()).isEqualTo("card_declined");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
  }

  @Test
  void unexpectedErrorsAre500WithoutInternals() throws Exception {
    HttpResponse<String> response = get("/boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).get("code").asText()).isEqualTo("internal_error");
    assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
  }

  @Test
  void unknownRoutesAreJson404s() throws Exception {
    HttpResponse<String> response = get("/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void malformedJsonBodiesAreBadRequests() throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(url("/echo")).POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asText()).isEqualTo("invalid_json");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithoutEchoingTheBody() throws Exception {
    HttpService typed = HttpService.create("typed", "1", Duration.ofSeconds(1), app ->
        app.post("/amount", ctx -> ctx.json(ctx.bodyAsClass(Amount.class)))).start("127.0.0.1", 0);
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + typed.port() + "/amount"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": \"4242424242424242\"}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response).get("message").asText()).isEqualTo("request body field 'amount' has the wrong type");
      assertThat(response.body()).doesNotContain("4242424242424242");
    } finally {
      typed.drainAndStop();
    }
  }

  record Amount(long amount) {}

  @Test
  void drainAndStopLetsAnInFlightRequestFinish() throws Exception {
    CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(url("/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::drainAndStop);
    Thread.sleep(200);
    assertThat(service.state()).isEqualTo(HttpService.State.DRAINING);
    releaseRequest.countDown();
    stopping.get(10, TimeUnit.SECONDS);

    assertThat(slow.get(5, TimeUnit.SECONDS).body()).isEqualTo("finished");
    assertThat(service.state()).isEqualTo(HttpService.State.STOPPED);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}
