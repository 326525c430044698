package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Traffic.Marketplace MARKETPLACE = new Traffic.Marketplace("mp_1", "sk_secret", "card_1");
  private static final String CREATED = "{\"id\":\"db_1\",\"status\":\"succeeded\"}";

  @TempDir
  Path dir;

  private final FakeTicker ticker = new FakeTicker();
  private final Epoch epoch = Epoch.startingNow(ticker);

  private Traffic traffic(Transport transport, PhaseSource phases) {
    return new Traffic(transport, epoch, phases, MARKETPLACE, "run1", new SplittableRandom(7), Duration.ofSeconds(5), new CardNumbers());
  }

  /** Sends requests {@code from..to-1} of the schedule, each answered before the next is sent. */
  private static List<RequestRecord> send(Traffic traffic, long from, long to) {
    return LongStream.range(from, to).mapToObj(n -> traffic.send(n, 0).join()).toList();
  }

  private static JsonNode body(Transport.Call call) {
    try {
      return JSON.readTree(call.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aDebitPostAnswered5xxIsSentOnceMoreWithTheSameKeyAndBodyAndCountsOkWhenTheRetrySucceeds() {
    ScriptedTransport transport = new ScriptedTransport().then(503, "{\"code\":\"unavailable\"}").then(201, CREATED);

    RequestRecord record = traffic(transport, PhaseSource.steady()).send(0, 0).join();

    assertThat(transport.calls).hasSize(2);
    assertThat(transport.calls.get(1)).isEqualTo(transport.calls.get(0));
    assertThat(transport.calls.get(0).headers()).containsEntry("Idempotency-Key", "run1-0").containsEntry("Authorization", "Bearer sk_secret");
    assertThat(record.attempts()).extracting(Attempt::status).containsExactly(503, 201);
    assertThat(record.ok()).isTrue();
    assertThat(record.retried()).isTrue();
    assertThat(record.debitId()).isEqualTo("db_1");
  }

  @Test
  void aDebitPostWithNoAnswerTwiceFailsAfterExactlyTwoAttempts() {
    ScriptedTransport transport = new ScriptedTransport().thenNoAnswer("ConnectException: Connection refused").thenNoAnswer("ConnectException: Connection refused");

    RequestRecord record = traffic(transport, PhaseSource.steady()).send(0, 0).join();

    assertThat(transport.calls).hasSize(2);
    assertThat(record.finalStatus()).isZero();
    assertThat(record.ok()).isFalse();
    assertThat(record.debitId()).isNull();
    assertThat(record.error()).isEqualTo("ConnectException: Connection refused");
    assertThat(record.attempts()).allSatisfy(attempt -> assertThat(attempt.instance()).isNull());
  }

  @Test
  void aReadThatFailsIsNotRetried() {
    ScriptedTransport transport = new ScriptedTransport().then(503, "");

    RequestRecord record = traffic(transport, PhaseSource.steady()).send(2, 0).join();

    assertThat(record.kind()).isEqualTo(RequestKind.LIST_DEBITS);
    assertThat(transport.calls).hasSize(1);
    assertThat(record.ok()).isFalse();
  }

  @Test
  void aDeclinedDebitIsAValidAnswerAndItsDebitIdIsAcknowledged() {
    ScriptedTransport transport = new ScriptedTransport().then(402, "{\"code\":\"card_declined\",\"message\":\"declined\",\"details\":{\"debit_id\":\"db_declined\"}}");

    RequestRecord record = traffic(transport, PhaseSource.steady()).send(0, 0).join();

    assertThat(transport.calls).hasSize(1);
    assertThat(record.ok()).isTrue();
    assertThat(record.debitId()).isEqualTo("db_declined");
  }

  @Test
  void readsByIdListInsteadUntilADebitIsAcknowledgedThenReadAnAcknowledgedOne() {
    ScriptedTransport transport = new ScriptedTransport();
    Traffic traffic = traffic(transport, PhaseSource.steady());

    RequestRecord early = traffic.send(1, 0).join(); // a read by id in the mix, with no debit known
    transport.then(201, CREATED);
    traffic.send(3, 0).join();
    traffic.send(4, 0).join(); // a card POST: the first card has two debits left
    RequestRecord later = traffic.send(5, 0).join();

    assertThat(early.kind()).isEqualTo(RequestKind.LIST_DEBITS);
    assertThat(transport.calls.get(0).path()).isEqualTo("/v1/debits?limit=10");
    assertThat(later.kind()).isEqualTo(RequestKind.GET_DEBIT);
    assertThat(transport.calls.get(3).path()).isEqualTo("/v1/debits/db_1");
  }

  @Test
  void everyDebitPostHasItsOwnKeyAndAnAmountFrom100To9999CentsInUsd() {
    ScriptedTransport transport = new ScriptedTransport();

    send(traffic(transport, PhaseSource.steady()), 0, 300);

    Set<String> keys = new HashSet<>();
    assertThat(transport.calls("POST", "/v1/debits")).hasSize(90).allSatisfy(call -> {
      assertThat(keys.add(call.headers().get("Idempotency-Key"))).isTrue();
      JsonNode body = body(call);
      assertThat(body.path("amount").asLong()).isBetween(100L, 9999L);
      assertThat(body.path("currency").asText()).isEqualTo("USD");
    });
  }

  @Test
  void noCardIsChargedByMoreThanThreeDebitsAndTheDebitsKeepTheirShareOfTheRate() {
    ScriptedTransport transport = new ScriptedTransport();

    List<RequestRecord> records = send(traffic(transport, PhaseSource.steady()), 0, 1000);

    Map<String, Long> debitsPerCard = transport.calls("POST", "/v1/debits").stream()
        .collect(Collectors.groupingBy(call -> body(call).path("card_id").asText(), Collectors.counting()));
    assertThat(CardPool.MAX_CHARGES).isEqualTo(3);
    assertThat(debitsPerCard.values()).isNotEmpty().allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(3L));
    assertThat(debitsPerCard.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
    Map<RequestKind, Long> kinds = records.stream().collect(Collectors.groupingBy(RequestRecord::kind, Collectors.counting()));
    assertThat(kinds).containsEntry(RequestKind.CREATE_DEBIT, 300L).containsEntry(RequestKind.CREATE_CARD, 100L);
    assertThat(transport.calls).hasSize(1000);
    assertThat(records).allSatisfy(record -> assertThat(record.ok()).isTrue());
  }

  @Test
  void eachCardPostTokenizesAFreshSixteenDigitVisaNumberAsTheMarketplace() {
    ScriptedTransport transport = new ScriptedTransport();

    send(traffic(transport, PhaseSource.steady()), 0, 300);

    List<Transport.Call> cards = transport.calls("POST", "/v1/cards");
    assertThat(cards).hasSize(30).allSatisfy(call -> {
      assertThat(call.headers()).containsEntry("Authorization", "Bearer sk_secret").doesNotContainKey("Idempotency-Key");
      assertThat(body(call).path("number").asText()).matches("4[0-9]{15}").isNotEqualTo("4242424242424242");
      assertThat(body(call).path("csc").asText()).isEqualTo("123");
    });
    assertThat(cards.stream().map(call -> body(call).path("number").asText()).distinct()).hasSize(30);
  }

  @Test
  void aDebitDueWhileItsCardIsStillBeingCreatedWaitsForItWithoutHoldingUpTheSchedule() {
    ScriptedTransport transport = new ScriptedTransport();
    Traffic traffic = traffic(transport, PhaseSource.steady());
    traffic.send(0, 0).join();
    CompletableFuture<Transport.Answer> card = transport.thenHeld();
    CompletableFuture<RequestRecord> cardPost = traffic.send(1, 0); // the first card has two debits left
    traffic.send(3, 0).join();
    traffic.send(6, 0).join(); // the first card's third debit

    CompletableFuture<RequestRecord> waiting = traffic.send(10, 0);
    CompletableFuture<RequestRecord> alsoWaiting = traffic.send(13, 0);

    assertThat(waiting).isNotDone();
    assertThat(alsoWaiting).isNotDone();
    assertThat(transport.calls("POST", "/v1/debits")).hasSize(3);
    card.complete(new Transport.Answer(201, "{\"id\":\"card_held\"}", "prod-payments-1", null));
    assertThat(cardPost.join().kind()).isEqualTo(RequestKind.CREATE_CARD);
    assertThat(List.of(waiting.join(), alsoWaiting.join())).allSatisfy(record -> assertThat(record.ok()).isTrue());
    assertThat(transport.calls("POST", "/v1/debits")).extracting(call -> body(call).path("card_id").asText())
        .containsExactly("card_1", "card_1", "card_1", "card_held", "card_held");
  }

  @Test
  void aCardPostWithNoAnswerIsSentOnceMoreWithTheSameBodyAndItsCardIsUsed() {
    ScriptedTransport transport = new ScriptedTransport();
    Traffic traffic = traffic(transport, PhaseSource.steady());
    traffic.send(0, 0).join();
    transport.thenNoAnswer("IOException: connection reset").then(201, "{\"id\":\"card_retried\"}");

    RequestRecord card = traffic.send(1, 0).join();
    send(traffic, 2, 11);

    assertThat(card.kind()).isEqualTo(RequestKind.CREATE_CARD);
    assertThat(card.attempts()).extracting(Attempt::status).containsExactly(0, 201);
    assertThat(transport.calls.get(2)).isEqualTo(transport.calls.get(1));
    assertThat(card.ok()).isTrue();
    assertThat(card.debitId()).isNull();
    assertThat(transport.calls("POST", "/v1/debits")).extracting(call -> body(call).path("card_id").asText()).contains("card_retried");
  }

  @Test
  void aRefusedCardPostFailsWithoutARetryAndTheNextReadSlotAsksForACardAgain() {
    ScriptedTransport transport = new ScriptedTransport();
    Traffic traffic = traffic(transport, PhaseSource.steady());
    traffic.send(0, 0).join();
    transport.then(400, "{\"code\":\"invalid_card_number\"}");

    RequestRecord refused = traffic.send(1, 0).join();
    RequestRecord next = traffic.send(2, 0).join();

    assertThat(refused.kind()).isEqualTo(RequestKind.CREATE_CARD);
    assertThat(refused.attempts()).hasSize(1);
    assertThat(refused.ok()).isFalse();
    assertThat(next.kind()).isEqualTo(RequestKind.CREATE_CARD);
    assertThat(next.ok()).isTrue();
  }

  @Test
  void eachRequestIsTaggedWithThePhaseInTheFileWhenItIsSent() throws IOException {
    Path file = dir.resolve("phase");
    Traffic traffic = traffic(new ScriptedTransport(), PhaseSource.file(file, message -> {}));

    Files.writeString(file, "before");
    RequestRecord first = traffic.send(2, 0).join();
    Files.writeString(file, "during");
    RequestRecord second = traffic.send(4, 0).join();
    Files.writeString(file, "after");
    RequestRecord third = traffic.send(8, 0).join();

    assertThat(List.of(first, second, third)).extracting(RequestRecord::phase).containsExactly(Phase.BEFORE, Phase.DURING, Phase.AFTER);
    assertThat(third.attempts()).extracting(Attempt::phase).containsExactly(Phase.AFTER);
  }

  @Test
  void aRetryIsTaggedWithThePhaseWhenItIsSentWhileTheRequestKeepsItsFirstPhase() throws IOException {
    Path file = dir.resolve("phase");
    Files.writeString(file, "before");
    ScriptedTransport transport = new ScriptedTransport().then(502, "").then(201, CREATED).onSend(() -> write(file, "during"));

    RequestRecord record = traffic(transport, PhaseSource.file(file, message -> {})).send(0, 0).join();

    assertThat(record.phase()).isEqualTo(Phase.BEFORE);
    assertThat(record.attempts()).extracting(Attempt::phase).containsExactly(Phase.BEFORE, Phase.DURING);
  }

  @Test
  void latencyRunsFromWhenTheRequestWasDueToItsFinalAnswer() {
    ScriptedTransport transport = new ScriptedTransport().then(500, "").then(201, CREATED).onSend(() -> ticker.advance(3_000_000L));
    ticker.advance(1_000_000L); // sent 1 ms after it was due

    RequestRecord record = traffic(transport, PhaseSource.steady()).send(0, 0).join();

    assertThat(record.attempts()).extracting(Attempt::sentNanos).containsExactly(1_000_000L, 4_000_000L);
    assertThat(record.attempts()).extracting(Attempt::latencyMicros).containsExactly(3_000L, 3_000L);
    assertThat(record.latencyMicros()).isEqualTo(7_000L);
  }

  @Test
  void theServingInstanceIsRecordedFromEachAnswer() {
    RequestRecord record = traffic(new ScriptedTransport(), PhaseSource.steady()).send(2, 0).join();

    assertThat(record.attempts()).extracting(Attempt::instance).containsExactly("prod-payments-1");
  }

  @Test
  void theDebitIdIsReadOnlyFromA201OrA402() {
    assertThat(Traffic.acknowledgedDebit(201, CREATED)).isEqualTo("db_1");
    assertThat(Traffic.acknowledgedDebit(402, "{\"details\":{\"debit_id\":\"db_2\"}}")).isEqualTo("db_2");
    assertThat(Traffic.acknowledgedDebit(402, "{\"code\":\"high_risk\"}")).isNull();
    assertThat(Traffic.acknowledgedDebit(200, CREATED)).isNull();
    assertThat(Traffic.acknowledgedDebit(201, "not json")).isNull();
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
