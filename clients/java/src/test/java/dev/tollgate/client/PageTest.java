package dev.tollgate.client;

import static dev.tollgate.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.NoSuchElementException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageTest {
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

  private static String cards(int offset, boolean hasMore, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id)
          .append("\",\"brand\":\"visa\",\"last_four\":\"4242\",\"expiry_month\":1,\"expiry_year\":2030,\"created_at\":\"2026-01-02T03:04:05Z\"}");
    }
    return "{\"data\":[" + data + "],\"limit\":2,\"offset\":" + offset + ",\"has_more\":" + hasMore + "}";
  }

  @Test
  void theNextPageStartsWhereThisOneEnds() throws Exception {
    server.enqueue(json(200, cards(0, true, "card_a", "card_b")));
    server.enqueue(json(200, cards(2, false, "card_c")));

    Page<Card> first = client.cards().list(2, 0);
    Page<Card> second = first.nextPage().orElseThrow();

    assertThat(second.data()).extracting(Card::id).containsExactly("card_c");
    assertThat(second.nextPage()).isEmpty();
    server.takeRequest();
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/cards?limit=2&offset=2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void thereIsNoPageAfterTheLastAndNoRequestIsSentForIt() {
    server.enqueue(json(200, cards(0, false, "card_a")));

    Page<Card> only = client.cards().list(2, 0);

    assertThatThrownBy(only::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("last page");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void streamingAllItemsFetchesEveryPageInOrder() {
    server.enqueue(json(200, cards(0, true, "card_a", "card_b")));
    server.enqueue(json(200, cards(2, true, "card_c", "card_d")));
    server.enqueue(json(200, cards(4, false, "card_e")));

    assertThat(client.cards().list(2, 0).streamAll().map(Card::id))
        .containsExactly("card_a", "card_b", "card_c", "card_d", "card_e");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void streamingStopsFetchingWhenEnoughItemsWereTaken() {
    server.enqueue(json(200, cards(0, true, "card_a", "card_b")));
    server.enqueue(json(200, cards(2, true, "card_c", "card_d")));

    assertThat(client.cards().list(2, 0).streamAll().limit(3).map(Card::id)).containsExactly("card_a", "card_b", "card_c");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aListAnswerWithoutHasMoreIsAnInvalidResponse() {
    server.enqueue(json(200, "{\"data\":[],\"limit\":2,\"offset\":0}"));

    assertThatThrownBy(() -> client.cards().list(2, 0))
        .isInstanceOfSatisfying(PaymentsException.class, e -> assertThat(e.code()).isEqualTo("invalid_response"));
  }
}
