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

class RefundsTest {
  private static final String REFUND = """
      {"id":"rf_1","debit_id":"db_1","amount":500,"status":"succeeded","created_at":"2026-01-02T03:04:05Z"}""";

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
  void aPartialRefundPostsItsAmount() throws Exception {
    server.enqueue(json(201, REFUND));

    Refund refund = client.refunds().create("db_1", 500);

    assertThat(refund.id()).isEqualTo("rf_1");
    assertThat(refund.debitId()).isEqualTo("db_1");
    assertThat(refund.amount()).isEqualTo(500);
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo("/v1/debits/db_1/refunds");
    assertThat(body(sent)).isEqualTo(tree("{\"amount\":500}"));
  }

  @Test
  void aFullRefundPostsAnEmptyObjectSoThePaymentsApiRefundsWhatRemains() throws Exception {
    server.enqueue(json(201, REFUND));

    client.refunds().create("db_1");

    assertThat(body(server.takeRequest())).isEqualTo(tree("{}"));
  }

  @Test
  void anOverRefundIsAConflict() {
    server.enqueue(json(409, """
        {"code":"refund_exceeds_debit","message":"only 500 remains"}"""));

    assertThatThrownBy(() -> client.refunds().create("db_1", 501))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("refund_exceeds_debit"));
  }

  @Test
  void listingADebitsRefundsUsesItsPathAndTheNextPageKeepsTheDebit() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + REFUND + "],\"limit\":1,\"offset\":0,\"has_more\":true}"));
    server.enqueue(json(200, "{\"data\":[],\"limit\":1,\"offset\":1,\"has_more\":false}"));

    Page<Refund> first = client.refunds().list("db_1", 1, 0);
    Page<Refund> second = first.next();

    assertThat(second.data()).isEmpty();
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/debits/db_1/refunds?limit=1&offset=0");
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/debits/db_1/refunds?limit=1&offset=1");
  }
}
