package dev.tollgate.probe.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The probe's requests against the payments API, as one test marketplace: reads, debits and
 * card POSTs in the {@link Mix}, each debit POST with its own {@code Idempotency-Key} and an
 * amount from 100 to 9999 cents in USD. Each card is charged by at most
 * {@link CardPool#MAX_CHARGES} debits (so fraud's velocity rule does not decline them); a read
 * slot becomes a card POST of a fresh approved number when the debits need a card, and a debit
 * due while no card has a charge left waits for the next one without holding up the schedule.
 * A debit or card POST that gets no answer or a 5xx is sent once more, at once, with the same
 * body (and key), as a client would (see {@link Outcomes#retried}); both attempts are recorded.
 * Every debit the API acknowledges (201, or 402 with {@code details.debit_id}) becomes one that
 * later reads by id may fetch.
 */
public final class Traffic implements Requests {
  /** The smallest debit amount sent, in cents. */
  public static final long MIN_AMOUNT = 100;
  /** The largest debit amount sent, in cents. */
  public static final long MAX_AMOUNT = 9999;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Transport transport;
  private final Epoch epoch;
  private final PhaseSource phases;
  private final Marketplace marketplace;
  private final String runId;
  private final RandomGenerator random;
  private final long giveUpMillis;
  private final Supplier<String> cardNumbers;
  private final CardPool cards;
  private final List<String> known = new ArrayList<>();

  /**
   * The marketplace the probe acts as.
   *
   * @param id its id ({@code mp_…})
   * @param apiKey its API key ({@code sk_…})
   * @param cardId its first card ({@code card_…}), for its first debits
   */
  public record Marketplace(String id, String apiKey, String cardId) {}

  /**
   * @param transport where requests go
   * @param epoch the start of the load; recorded times are relative to it
   * @param phases tags each attempt with the phase current when it is sent
   * @param marketplace who the probe acts as
   * @param runId makes Idempotency-Keys unique across runs ({@code <runId>-<index>})
   * @param random picks amounts and which known debit to read
   * @param attemptTimeout the transport's bound on one exchange; a request not answered within
   *     twice that plus five seconds is recorded as failed without an answer, and a debit that
   *     finds no card to charge within as long is recorded as failed, not sent
   * @param cardNumbers the numbers of the cards it creates, each new (e.g. {@link CardNumbers})
   */
  public Traffic(Transport transport, Epoch epoch, PhaseSource phases, Marketplace marketplace, String runId, RandomGenerator random, Duration attemptTimeout,
      Supplier<String> cardNumbers) {
    this.transport = transport;
    this.epoch = epoch;
    this.phases = phases;
    this.marketplace = marketplace;
    this.runId = runId;
    this.random = random;
    this.giveUpMillis = attemptTimeout.multipliedBy(2).plusSeconds(5).toMillis();
    this.cardNumbers = cardNumbers;
    this.cards = new CardPool(marketplace.cardId());
  }

  @Override
  public CompletableFuture<RequestRecord> send(long index, long dueNanos) {
    Phase phase = phases.current();
    RequestKind kind = Mix.kindOf(index, knownCount() > 0, cards.wantsCard());
    if (kind == RequestKind.CREATE_CARD) {
      cards.creating();
    }
    if (kind != RequestKind.CREATE_DEBIT) {
      return sent(index, dueNanos, phase, kind, call(kind));
    }
    // Drawn on the scheduler thread: a debit that waits for a card is sent from another one.
    long amount = random.nextLong(MIN_AMOUNT, MAX_AMOUNT + 1);
    return cards.claim(giveUpMillis).thenCompose(cardId -> cardId == null
        ? CompletableFuture.completedFuture(new RequestRecord(index, dueNanos, phase, kind, List.of(), -1, null, "not sent: no card to charge within " + giveUpMillis + " ms"))
        : sent(index, dueNanos, phase, kind, debitCall(index, cardId, amount)));
  }

  /** Sends {@code call}, retried as {@link Outcomes#retried} says, and records it. */
  private CompletableFuture<RequestRecord> sent(long index, long dueNanos, Phase phase, RequestKind kind, Transport.Call call) {
    return exchange(call, kind, phase)
        .thenCompose(first -> Outcomes.retried(kind, first.attempt().status())
            ? exchange(call, kind, phases.current()).thenApply(second -> finish(index, dueNanos, phase, kind, List.of(first, second)))
            : CompletableFuture.completedFuture(finish(index, dueNanos, phase, kind, List.of(first))))
        .completeOnTimeout(givenUp(index, dueNanos, phase, kind), giveUpMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public RequestRecord notSent(long index, long dueNanos, String reason) {
    return new RequestRecord(index, dueNanos, phases.current(), Mix.kindOf(index, knownCount() > 0, false), List.of(), -1, null, reason);
  }

  private record Exchange(Attempt attempt, String body) {}

  private CompletableFuture<Exchange> exchange(Transport.Call call, RequestKind kind, Phase phase) {
    long sent = epoch.elapsedNanos();
    return transport.send(call).thenApply(answer -> new Exchange(
        new Attempt(sent, phase, kind, answer.status(), (epoch.elapsedNanos() - sent) / 1000, answer.instance(), answer.error()), answer.body()));
  }

  /** The record of a request still unanswered {@code giveUpMillis} after it was sent: one attempt without an answer. */
  private RequestRecord givenUp(long index, long dueNanos, Phase phase, RequestKind kind) {
    String error = "no final answer within " + giveUpMillis + " ms";
    Attempt attempt = new Attempt(dueNanos, phase, kind, 0, giveUpMillis * 1000, null, error);
    return new RequestRecord(index, dueNanos, phase, kind, List.of(attempt), giveUpMillis * 1000, null, error);
  }

  private RequestRecord finish(long index, long dueNanos, Phase phase, RequestKind kind, List<Exchange> exchanges) {
    long latency = (epoch.elapsedNanos() - dueNanos) / 1000;
    Exchange last = exchanges.get(exchanges.size() - 1);
    String debitId = kind == RequestKind.CREATE_DEBIT ? acknowledgedDebit(last.attempt().status(), last.body()) : null;
    if (kind == RequestKind.CREATE_CARD) {
      String cardId = last.attempt().status() == 201 ? textField(last.body(), "id") : null;
      if (cardId == null) {
        cards.failed();
      } else {
        cards.created(cardId);
      }
    }
    if (debitId != null) {
      synchronized (known) {
        known.add(debitId);
      }
    }
    return new RequestRecord(index, dueNanos, phase, kind, exchanges.stream().map(Exchange::attempt).toList(), latency, debitId, last.attempt().error());
  }

  /**
   * The debit id a debit POST's answer acknowledges: a 201's {@code id}, a 402's
   * {@code details.debit_id}; null for any other answer, or one without the id.
   */
  static String acknowledgedDebit(int status, String body) {
    return status == 201 ? textField(body, "id") : status == 402 ? textField(body, "details", "debit_id") : null;
  }

  /** The non-blank text at {@code path} in JSON {@code body}; null when absent, blank or not JSON. */
  private static String textField(String body, String... path) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      for (String name : path) {
        node = node.path(name);
      }
      return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A read or a card POST. */
  private Transport.Call call(RequestKind kind) {
    Map<String, String> auth = Map.of("Authorization", "Bearer " + marketplace.apiKey());
    return switch (kind) {
      case LIST_DEBITS -> new Transport.Call("GET", "/v1/debits?limit=10", null, auth);
      case GET_DEBIT -> new Transport.Call("GET", "/v1/debits/" + URLEncoder.encode(pickKnown(), StandardCharsets.UTF_8), null, auth);
      case CREATE_CARD -> new Transport.Call("POST", "/v1/cards", CardNumbers.cardBody(cardNumbers.get()), auth);
      case CREATE_DEBIT -> throw new IllegalArgumentException("a debit needs its card: see debitCall");
    };
  }

  /** Debit {@code index} of {@code amount} cents charging {@code cardId}. */
  private Transport.Call debitCall(long index, String cardId, long amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("card_id", cardId);
    body.put("amount", amount);
    body.put("currency", "USD");
    body.put("description", "rollout-probe " + runId);
    return new Transport.Call("POST", "/v1/debits", json(body), Map.of("Authorization", "Bearer " + marketplace.apiKey(), "Idempotency-Key", runId + "-" + index));
  }

  private int knownCount() {
    synchronized (known) {
      return known.size();
    }
  }

  private String pickKnown() {
    synchronized (known) {
      return known.get(random.nextInt(known.size()));
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
