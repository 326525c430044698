package dev.tollgate.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.cards.Luhn;
import dev.tollgate.client.Card;
import dev.tollgate.client.Debit;
import dev.tollgate.client.NewMarketplace;
import dev.tollgate.client.Refund;
import dev.tollgate.client.TestCards;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fake payments API for the runner's own tests, on a loopback port: in memory, with no vault,
 * fraud or bank behind it. It answers the routes the production suites and the runner use as
 * payments' README says (status codes, error codes, snake_case JSON): signup and {@code me},
 * cards (Luhn-checked), debits with {@code Idempotency-Key} (the CSC-failing magic card is
 * declined {@code csc_check_failed} and stored), refunds, {@code GET /health} and
 * {@code DELETE /internal/test-data}. A {@link Fault} makes it misbehave the way a broken
 * production would, so the tests pin what the suites notice.
 *
 * <p>The real system is the acceptance suite's business ({@code SystemVerificationIT} there runs
 * the runner against every service started in one JVM).
 */
final class FakePayments implements AutoCloseable {
  /** What {@code GET /health} reports as {@code version}. */
  static final String VERSION = "20261121.051724-fake";

  /** Ways to misbehave. */
  enum Fault {
    /** {@code POST /v1/cards} answers 502 {@code upstream_error}, as payments does while its vault is down. */
    VAULT_DOWN,
    /** {@code Idempotency-Key} is ignored: a retry charges again. */
    IDEMPOTENCY_IGNORED,
    /** A refund of more than what remains of the debit is accepted. */
    OVER_REFUNDS_ACCEPTED
  }

  private final String token = "token-" + UUID.randomUUID();
  private final Set<Fault> faults = ConcurrentHashMap.newKeySet();
  private final Map<String, NewMarketplace> marketplaces = new LinkedHashMap<>();
  private final Map<String, Card> cards = new LinkedHashMap<>();
  private final Map<String, Debit> debits = new LinkedHashMap<>();
  private final Map<String, Refund> refunds = new LinkedHashMap<>();
  /** Card or debit id → the marketplace that owns it. */
  private final Map<String, String> owners = new LinkedHashMap<>();
  /** Cards whose security code the (absent) fraud check fails: the CSC-failing magic card. */
  private final Set<String> cscFailing = new HashSet<>();
  /** Marketplace id and Idempotency-Key → the request body and the debit it created. */
  private final Map<String, Replay> replays = new LinkedHashMap<>();
  private final HttpService service;

  private record Replay(JsonNode request, String debitId) {}

  private FakePayments() {
    // A short shutdown timeout: the runner's HTTP client keeps its connections open, and Jetty's
    // graceful stop would wait for them for that long after every test.
    service = HttpService.create("payments", VERSION, Duration.ofMillis(100), this::routes);
  }

  /** A fake on a free loopback port. */
  static FakePayments start() {
    FakePayments fake = new FakePayments();
    fake.service.start("127.0.0.1", 0);
    return fake;
  }

  /** Where it listens: a {@code TARGET_URL}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + service.port());
  }

  /** The {@code VERIFICATION_TOKEN} it accepts on {@code /internal/test-data}. */
  String token() {
    return token;
  }

  FakePayments fault(Fault fault) {
    faults.add(fault);
    return this;
  }

  /** A marketplace created as if by signup at {@code createdAt} (e.g. one a crashed run left). */
  synchronized NewMarketplace seed(String name, boolean test, Instant createdAt) {
    NewMarketplace created = new NewMarketplace(newId("mp"), name, null, test, newId("sk"), createdAt);
    marketplaces.put(created.id(), created);
    return created;
  }

  synchronized boolean exists(String marketplaceId) {
    return marketplaces.containsKey(marketplaceId);
  }

  /** The names of the test marketplaces still there. */
  synchronized List<String> testMarketplaces() {
    return marketplaces.values().stream().filter(NewMarketplace::test).map(NewMarketplace::name).toList();
  }

  @Override
  public void close() {
    service.drainAndStop();
  }

  /** Every route holds the fake's lock: one request at a time sees and changes the data. */
  private void routes(Javalin app) {
    app.post("/v1/marketplaces", locked(this::signup));
    app.get("/v1/marketplaces/me", locked(ctx -> ctx.json(caller(ctx).marketplace())));
    app.post("/v1/cards", locked(this::createCard));
    app.get("/v1/cards", locked(ctx -> page(ctx, owned(cards, caller(ctx).id(), Card::id))));
    app.get("/v1/cards/{id}", locked(ctx -> ctx.json(find(cards, "card", ctx.pathParam("id"), caller(ctx).id()))));
    app.post("/v1/debits", locked(this::createDebit));
    app.get("/v1/debits", locked(ctx -> page(ctx, owned(debits, caller(ctx).id(), Debit::id))));
    app.get("/v1/debits/{id}", locked(ctx -> ctx.json(find(debits, "debit", ctx.pathParam("id"), caller(ctx).id()))));
    app.post("/v1/debits/{id}/refunds", locked(this::refund));
    app.get("/v1/debits/{id}/refunds", locked(ctx -> {
      Debit debit = find(debits, "debit", ctx.pathParam("id"), caller(ctx).id());
      page(ctx, select(refunds, r -> r.debitId().equals(debit.id())));
    }));
    app.delete("/internal/test-data", locked(this::deleteTestData));
  }

  private Handler locked(Handler handler) {
    return ctx -> {
      synchronized (this) {
        handler.handle(ctx);
      }
    };
  }

  private void signup(Context ctx) throws IOException {
    JsonNode body = body(ctx);
    String name = body.path("name").asText("");
    if (name.isBlank()) {
      throw ApiError.invalid("missing_field", "name", "name is required");
    }
    NewMarketplace created = seed(name, body.path("test").asBoolean(false), Instant.now());
    ctx.status(201).json(created);
  }

  private void createCard(Context ctx) throws IOException {
    NewMarketplace caller = caller(ctx);
    if (faults.contains(Fault.VAULT_DOWN)) {
      throw new ApiError(502, "upstream_error", "vault unreachable: ConnectException", Map.of("service", "vault"));
    }
    JsonNode body = body(ctx);
    String number = body.path("number").asText("");
    if (!Luhn.isCardNumber(number)) {
      throw ApiError.invalid("invalid_card_number", "number", "number is not a valid card number");
    }
    String brand = number.startsWith("4") ? "visa" : number.startsWith("5") ? "mastercard" : "unknown";
    Card card = new Card(newId("card"), brand, number.substring(number.length() - 4), body.path("expiry_month").asInt(),
        body.path("expiry_year").asInt(), body.path("holder_name").asText(null), Instant.now());
    cards.put(card.id(), card);
    owners.put(card.id(), caller.id());
    if (number.equals(TestCards.CSC_FAIL)) {
      cscFailing.add(card.id());
    }
    ctx.status(201).json(card);
  }

  private void createDebit(Context ctx) throws IOException {
    String marketplaceId = caller(ctx).id();
    JsonNode body = body(ctx);
    String key = faults.contains(Fault.IDEMPOTENCY_IGNORED) ? null : ctx.header("Idempotency-Key");
    Replay replay = key == null ? null : replays.get(marketplaceId + " " + key);
    if (replay != null) {
      if (!replay.request().equals(body)) {
        throw new ApiError(422, "idempotency_key_reused", "this Idempotency-Key was already used with a different request body");
      }
      answer(ctx, debits.get(replay.debitId()));
      return;
    }
    long amount = body.path("amount").asLong(0);
    if (amount <= 0) {
      throw ApiError.invalid("invalid_amount", "amount", "amount must be a positive number of minor units");
    }
    Card card = find(cards, "card", body.path("card_id").asText(""), marketplaceId);
    boolean cscFails = cscFailing.contains(card.id());
    Debit debit = new Debit(newId("db"), card.id(), amount, body.path("currency").asText(), cscFails ? "failed" : "succeeded",
        cscFails ? "csc_check_failed" : null, 0, cscFails ? 0 : 5, body.path("description").asText(null), Instant.now());
    debits.put(debit.id(), debit);
    owners.put(debit.id(), marketplaceId);
    if (key != null) {
      replays.put(marketplaceId + " " + key, new Replay(body, debit.id()));
    }
    answer(ctx, debit);
  }

  private static void answer(Context ctx, Debit debit) {
    if (debit.succeeded()) {
      ctx.status(201).json(debit);
    } else {
      ctx.status(402).json(Map.of("code", debit.failureCode(), "message", "the debit was declined: " + debit.failureCode(),
          "details", Map.of("debit_id", debit.id())));
    }
  }

  private void refund(Context ctx) throws IOException {
    Debit debit = find(debits, "debit", ctx.pathParam("id"), caller(ctx).id());
    long remaining = debit.amount() - debit.refundedAmount();
    JsonNode amount = body(ctx).path("amount");
    long requested = amount.isMissingNode() ? remaining : amount.asLong();
    if (!faults.contains(Fault.OVER_REFUNDS_ACCEPTED) && (remaining == 0 || requested > remaining)) {
      throw ApiError.conflict("refund_exceeds_debit", "a refund of " + requested + " exceeds the " + remaining + " that remains of the debit");
    }
    Refund refund = new Refund(newId("rf"), debit.id(), requested, "succeeded", Instant.now());
    refunds.put(refund.id(), refund);
    debits.put(debit.id(), new Debit(debit.id(), debit.cardId(), debit.amount(), debit.currency(), debit.status(), debit.failureCode(),
        debit.refundedAmount() + requested, debit.riskScore(), debit.description(), debit.createdAt()));
    ctx.status(201).json(refund);
  }

  private void deleteTestData(Context ctx) {
    if (!token.equals(ctx.header("X-Verification-Token"))) {
      throw ApiError.unauthorized("a valid X-Verification-Token header is required");
    }
    String id = ctx.queryParam("marketplace_id");
    String before = ctx.queryParam("created_before");
    if ((id == null) == (before == null)) {
      throw ApiError.invalid("missing_field", "marketplace_id", "give exactly one of marketplace_id and created_before");
    }
    if (id != null && marketplaces.containsKey(id) && !marketplaces.get(id).test()) {
      throw ApiError.forbidden("not_test_data", "marketplace " + id + " is not a test marketplace; nothing was deleted");
    }
    List<NewMarketplace> doomed = id != null
        ? select(marketplaces, m -> m.id().equals(id))
        : select(marketplaces, m -> m.test() && m.createdAt().isBefore(Instant.parse(before)));
    int[] counts = new int[4];
    for (NewMarketplace marketplace : doomed) {
      List<String> theirDebits = owned(debits, marketplace.id(), Debit::id).stream().map(Debit::id).toList();
      counts[3] += (int) refunds.values().stream().filter(r -> theirDebits.contains(r.debitId())).count();
      refunds.values().removeIf(r -> theirDebits.contains(r.debitId()));
      counts[2] += theirDebits.size();
      theirDebits.forEach(debit -> owners.remove(debits.remove(debit).id()));
      List<String> theirCards = owned(cards, marketplace.id(), Card::id).stream().map(Card::id).toList();
      counts[1] += theirCards.size();
      theirCards.forEach(card -> owners.remove(cards.remove(card).id()));
      marketplaces.remove(marketplace.id());
      counts[0]++;
    }
    ctx.json(Map.of("deleted", Map.of("marketplaces", counts[0], "cards", counts[1], "debits", counts[2], "refunds", counts[3])));
  }

  /** The marketplace whose Bearer key the request carries. */
  private NewMarketplace caller(Context ctx) {
    String authorization = Objects.requireNonNullElse(ctx.header("Authorization"), "");
    return marketplaces.values().stream()
        .filter(m -> authorization.equals("Bearer " + m.apiKey()))
        .findFirst()
        .orElseThrow(() -> ApiError.unauthorized("a valid API key is required"));
  }

  private <T> T find(Map<String, T> rows, String what, String id, String marketplaceId) {
    T row = rows.get(id);
    if (row == null || !marketplaceId.equals(owners.get(id))) {
      throw ApiError.notFound(what, id);
    }
    return row;
  }

  private <T> List<T> owned(Map<String, T> rows, String marketplaceId, Function<T, String> id) {
    return select(rows, row -> marketplaceId.equals(owners.get(id.apply(row))));
  }

  private static <T> List<T> select(Map<String, T> rows, Predicate<T> filter) {
    return new ArrayList<>(rows.values().stream().filter(filter).toList());
  }

  private static void page(Context ctx, List<?> all) {
    int limit = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("limit"), "20"));
    int offset = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("offset"), "0"));
    List<?> data = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    ctx.json(Map.of("data", data, "limit", limit, "offset", offset, "has_more", offset + limit < all.size()));
  }

  private static JsonNode body(Context ctx) throws IOException {
    String body = ctx.body();
    return body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
  }

  private static String newId(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }
}
