package dev.tollgate.payments.debits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import dev.tollgate.service.Json;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
  private static final DebitRequest REQUEST = new DebitRequest("card_1", 500L, "USD", "tea");

  @Test
  void equalRequestsHashEqually() {
    assertThat(RequestHash.of(new DebitRequest("card_1", 500L, "USD", "tea"))).isEqualTo(RequestHash.of(REQUEST));
  }

  @Test
  void fieldOrderAndWhitespaceOfTheBodyDoNotChangeTheHash() throws Exception {
    DebitRequest a = Json.mapper().readValue("{\"card_id\":\"card_1\",\"amount\":500,\"currency\":\"USD\",\"description\":\"tea\"}", DebitRequest.class);
    DebitRequest b = Json.mapper().readValue("{ \"description\": \"tea\", \"currency\": \"USD\",\n \"amount\": 500, \"card_id\": \"card_1\" }", DebitRequest.class);
    assertThat(RequestHash.of(a)).isEqualTo(RequestHash.of(b));
  }

  @Test
  void everyFieldChangesTheHash() {
    String hash = RequestHash.of(REQUEST);
    assertThat(RequestHash.of(new DebitRequest("card_2", 500L, "USD", "tea"))).isNotEqualTo(hash);
    assertThat(RequestHash.of(new DebitRequest("card_1", 501L, "USD", "tea"))).isNotEqualTo(hash);
    assertThat(RequestHash.of(new DebitRequest("card_1", 500L, "EUR", "tea"))).isNotEqualTo(hash);
    assertThat(RequestHash.of(new DebitRequest("card_1", 500L, "USD", null))).isNotEqualTo(hash);
  }

  @Test
  void theSameKeyAndBodyReplayTheStoredAnswer() {
    IdempotencyRecord stored = new IdempotencyRecord("h1", 402, "{\"code\":\"high_risk\"}");
    assertThat(stored.replayFor("h1")).isEqualTo(new StoredResponse(402, "{\"code\":\"high_risk\"}"));
  }

  @Test
  void theSameKeyWithAnotherBodyIsIdempotencyKeyReused() {
    IdempotencyRecord stored = new IdempotencyRecord("h1", 201, "{}");
    assertThatThrownBy(() -> stored.replayFor("h2")).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.code()).isEqualTo("idempotency_key_reused");
    });
  }

  @Test
  void anUnfinishedFirstRequestIsIdempotencyKeyInProgress() {
    IdempotencyRecord running = new IdempotencyRecord("h1", null, null);
    assertThatThrownBy(() -> running.replayFor("h1")).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.code()).isEqualTo("idempotency_key_in_progress");
    });
  }

  @Test
  void aBlankOrOverlongKeyIsRefusedAndAnAbsentOneIsNone() {
    assertThat(DebitRoutes.idempotencyKey(null)).isEmpty();
    assertThat(DebitRoutes.idempotencyKey("retry-1")).contains("retry-1");
    assertThatThrownBy(() -> DebitRoutes.idempotencyKey(" ")).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
    assertThatThrownBy(() -> DebitRoutes.idempotencyKey("k".repeat(256))).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
  }
}
