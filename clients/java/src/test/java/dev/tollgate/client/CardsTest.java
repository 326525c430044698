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

class CardsTest {
  private static final String CARD = """
      {"id":"card_1","brand":"visa","last_four":"4242","expiry_month":12,"expiry_year":2030,"holder_name":"Ada","created_at":"2026-01-02T03:04:05Z"}""";

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
  void creatingACardPostsItsFieldsInSnakeCaseAndReadsTheCard() throws Exception {
    server.enqueue(json(201, CARD));

    Card card = client.cards().create(new CardRequest("4242424242424242", 12, 2030, "123", "Ada"));

    assertThat(card.id()).isEqualTo("card_1");
    assertThat(card.brand()).isEqualTo("visa");
    assertThat(card.lastFour()).isEqualTo("4242");
    assertThat(card.expiryMonth()).isEqualTo(12);
    assertThat(card.holderName()).isEqualTo("Ada");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo("/v1/cards");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk_abc");
    assertThat(body(sent)).isEqualTo(tree("""
        {"number":"4242424242424242","expiry_month":12,"expiry_year":2030,"csc":"123","holder_name":"Ada"}"""));
  }

  @Test
  void aCardRequestsTextHidesTheNumberAndTheSecurityCode() {
    String text = new CardRequest("4242424242424242", 12, 2030, "987", "Ada").toString();

    assertThat(text).doesNotContain("4242424242424242").doesNotContain("987").contains("Ada");
  }

  @Test
  void theVaultsValidationCodeComesBackAsAnInvalidRequestNamingTheField() {
    server.enqueue(json(400, """
        {"code":"invalid_card_number","message":"the card number is not valid","details":{"field":"number"}}"""));

    assertThatThrownBy(() -> client.cards().create(new CardRequest("4242424242424241", 12, 2030, "123", null)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_card_number");
          assertThat(e.field()).isEqualTo("number");
          assertThat(e.details()).containsEntry("field", "number");
        });
  }

  @Test
  void gettingACardPercentEncodesTheId() throws Exception {
    server.enqueue(json(200, CARD));
    server.enqueue(json(200, CARD));

    client.cards().get("card_1");
    client.cards().get("../x y");

    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/cards/card_1");
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/cards/..%2Fx%20y");
  }

  @Test
  void anEmptyIdIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.cards().get("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anUnknownCardIsANotFoundException() {
    server.enqueue(json(404, """
        {"code":"not_found","message":"no card card_x"}"""));

    assertThatThrownBy(() -> client.cards().get("card_x"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
  }

  @Test
  void listingCardsSendsLimitAndOffsetAndReadsThePage() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + CARD + "],\"limit\":1,\"offset\":3,\"has_more\":true}"));

    Page<Card> page = client.cards().list(1, 3);

    assertThat(page.data()).extracting(Card::id).containsExactly("card_1");
    assertThat(page.limit()).isEqualTo(1);
    assertThat(page.offset()).isEqualTo(3);
    assertThat(page.hasMore()).isTrue();
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/cards?limit=1&offset=3");
  }

  @Test
  void theDefaultListIsTheFirstTwenty() throws Exception {
    server.enqueue(json(200, "{\"data\":[],\"limit\":20,\"offset\":0,\"has_more\":false}"));

    assertThat(client.cards().list().data()).isEmpty();
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/cards?limit=20&offset=0");
  }
}
