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
import java.util.random.RandomGenerator;

/**
 * The probe's requests against the payments API, as one test marketplace: reads and debits in
 * the {@link Mix}, each debit POST with its own {@code Idempotency-Key} and an amount from 100
 * to 9999 cents in USD. A debit POST that gets no answer or a 5xx is sent once more, at once,
 * with the same key and body, as a client would; both attempts are recorded. Every debit the
 * API acknowledges (201, or 402 with {@code details.debit_id}) becomes one that later reads by
 * id may fetch.
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
  private final List<String> known = new ArrayList<>();

  /**
   * The marketplace the probe acts as.
   *
   * @param id its id ({@code mp_…})
   * @param apiKey its API key ({@code sk_…})
   * @param cardId the card its debits charge ({@code card_…})
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
   *     twice that plus five seconds is recorded as failed without an answer
   */
  public Traffic(Transport transport, Epoch epoch, PhaseSource phases, Marketplace marketplace, String runId, RandomGenerator random, Duration attemptTimeout) {
    this.transport = transport;
    this.epoch = epoch;
    this.phases = phases;
    this.marketplace = marketplace;
    this.runId = runId;
    this.random = random;
    this.giveUpMillis = attemptTimeout.multipliedBy(2).plusSeconds(5).toMillis();
  }

  @Override
  public CompletableFuture<RequestRecord> send(long index, long dueNanos) {
    Phase phase = phases.current();
    RequestKind kind = Mix.kindOf(index, knownCount() > 0);
    Transport.Call call = call(index, kind);
    return exchange(call, kind, phase)
        .thenCompose(first -> Outcomes.retried(kind, first.attempt().status())
            ? exchange(call, kind, phases.current()).thenApply(second -> finish(index, dueNanos, phase, kind, List.of(first, second)))
            : CompletableFuture.completedFuture(finish(index, dueNanos, phase, kind, List.of(first))))
        .completeOnTimeout(givenUp(index, dueNanos, phase, kind), giveUpMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public RequestRecord notSent(long index, long dueNanos, String reason) {
    return new RequestRecord(index, dueNanos, phases.current(), Mix.kindOf(index, knownCount() > 0), List.of(), -1, null, reason);
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
    if ((status != 201 && status != 402) || body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      JsonNode id = status == 201 ? tree.path("id") : tree.path("details").path("debit_id");
      return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private Transport.Call call(long index, RequestKind kind) {
    Map<String, String> auth = Map.of("Authorization", "Bearer " + marketplace.apiKey());
    return switch (kind) {
      case LIST_DEBITS -> new Transport.Call("GET", "/v1/debits?limit=10", null, auth);
      case GET_DEBIT -> new Transport.Call("GET", "/v1/debits/" + URLEncoder.encode(pickKnown(), StandardCharsets.UTF_8), null, auth);
      case CREATE_DEBIT -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card_id", marketplace.cardId());
        body.put("amount", random.nextLong(MIN_AMOUNT, MAX_AMOUNT + 1));
        body.put("currency", "USD");
        body.put("description", "rollout-probe " + runId);
        yield new Transport.Call("POST", "/v1/debits", json(body), Map.of("Authorization", "Bearer " + marketplace.apiKey(), "Idempotency-Key", runId + "-" + index));
      }
    };
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
