package dev.tollgate.client;

import static dev.tollgate.client.ClientTestSupport.body;
import static dev.tollgate.client.ClientTestSupport.json;
import static dev.tollgate.client.ClientTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebitsTest {
  private static final String DEBIT = """
      {"id":"db_1","card_id":"card_1","amount":1500,"currency":"USD","status":"succeeded","failure_code":null,
       "refunded_amount":0,"risk_score":10,"description":"order 42","created_at":"2026-01-02T03:04:05Z"}""";

  private MockWebServer server;
  private PaymentsClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = PaymentsClient.builder(server.url("/").uri()).apiKey("sk_abc").build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void aDebitWithAKeySendsTheIdempotencyKeyHeaderAndReadsTheDebit() throws Exception {
    server.enqueue(json(201, DEBIT));

    Debit debit = client.debits().create(new DebitRequest("card_1", 1500, "USD", "order 42"), "key-1");

    assertThat(debit.id()).isEqualTo("db_1");
    assertThat(debit.amount()).isEqualTo(1500);
    assertThat(debit.succeeded()).isTrue();
    assertThat(debit.failureCode()).isNull();
    assertThat(debit.riskScore()).isEqualTo(10);
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo("/v1/debits");
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-1");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk_abc");
    assertThat(body(sent)).isEqualTo(tree("""
        {"card_id":"card_1","amount":1500,"currency":"USD","description":"order 42"}"""));
  }

  @Test
  void aDebitWithoutKeyOrDescriptionSendsNeither() throws Exception {
    server.enqueue(json(201, DEBIT));

    client.debits().create(new DebitRequest("card_1", 1500, "USD"));

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeader("Idempotency-Key")).isNull();
    assertThat(body(sent)).isEqualTo(tree("""
        {"card_id":"card_1","amount":1500,"currency":"USD"}"""));
  }

  @Test
  void aDeclineIsACardDeclinedExceptionCarryingTheFailureCodeAndTheDebitId() {
    server.enqueue(json(402, """
        {"code":"card_declined","message":"the bank declined the debit: card_declined","details":{"debit_id":"db_9"}}"""));

    assertThatThrownBy(() -> client.debits().create(new DebitRequest("card_1", 1500, "USD"), "key-2"))
        .isInstanceOfSatisfying(CardDeclinedException.class, e -> {
          assertThat(e.status()).isEqualTo(402);
          assertThat(e.code()).isEqualTo("card_declined");
          assertThat(e.debitId()).isEqualTo("db_9");
        });
  }

  @Test
  void aKeyReusedWithAnotherBodyIsAnIdempotencyException() {
    server.enqueue(json(422, """
        {"code":"idempotency_key_reused","message":"the key was used for another request"}"""));

    assertThatThrownBy(() -> client.debits().create(new DebitRequest("card_1", 1600, "USD"), "key-1"))
        .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
  }

  @Test
  void aMissingAmountComesBackAsAnInvalidRequestNamingTheField() {
    server.enqueue(json(400, """
        {"code":"missing_field","message":"amount is required","details":{"field":"amount"}}"""));

    assertThatThrownBy(() -> client.debits().create(new DebitRequest("card_1", 0, "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("missing_field");
          assertThat(e.field()).isEqualTo("amount");
        });
  }

  @Test
  void gettingADebitUsesItsPath() throws Exception {
    server.enqueue(json(200, DEBIT));

    assertThat(client.debits().get("db_1").description()).isEqualTo("order 42");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getPath()).isEqualTo("/v1/debits/db_1");
  }

  @Test
  void listingDebitsSendsTheWindow() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + DEBIT + "],\"limit\":5,\"offset\":0,\"has_more\":false}"));

    Page<Debit> page = client.debits().list(5, 0);

    assertThat(page.data()).extracting(Debit::id).containsExactly("db_1");
    assertThat(page.hasMore()).isFalse();
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/debits?limit=5&offset=0");
  }

  @Test
  void idempotencyKeysAreNewEachTime() {
    assertThat(IdempotencyKeys.random()).isNotEqualTo(IdempotencyKeys.random()).hasSize(36);
  }
}
