package dev.tollgate.bank;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.service.ApiError;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox bank's state and decisions, in memory (lost on restart). Thread-safe: each
 * authorization changes atomically, and one Idempotency-Key makes at most one authorization.
 *
 * <p>Decisions come from the card number alone (the magic test cards, see {@link TestCards}
 * and README.md); expiry dates are only checked for shape, never against today. The slow test
 * card's authorization is recorded at once and its answer is delayed afterwards, like a bank
 * whose reply arrives after the caller gave up: a retry with the same key finds it.
 *
 * <p>Card numbers are never logged or stored; only the decision is kept.
 */
public final class Bank {
  private static final Logger LOG = LoggerFactory.getLogger(Bank.class);
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  /** Waits; replaced in unit tests so they never sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration slowResponse;
  private final Sleeper sleeper;
  private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();
  private final Map<String, Authorization> firstAnswers = new ConcurrentHashMap<>();

  /**
   * An empty bank.
   *
   * @param slowResponse how long the slow test card's authorizations take to answer
   */
  public Bank(Duration slowResponse) {
    this(slowResponse, duration -> Thread.sleep(duration.toMillis()));
  }

  Bank(Duration slowResponse, Sleeper sleeper) {
    this.slowResponse = slowResponse;
    this.sleeper = sleeper;
  }

  /** A zero-amount verification: the CSC's result, "unavailable" when no CSC was given. */
  Verification verify(VerificationRequest request) {
    request.validate();
    String result = request.csc() == null ? "unavailable" : TestCards.of(request.cardNumber()).cscResult();
    LOG.info("verification {}", kv("csc_result", result));
    return new Verification(result);
  }

  /**
   * Authorizes (and by default captures) a payment, once per Idempotency-Key: a repeated key
   * returns the first answer as it was then, whatever the new body says.
   *
   * @throws ApiError 400 {@code missing_idempotency_key} / {@code invalid_idempotency_key},
   *     or a validation code from {@link Requests}
   */
  Authorization authorize(String idempotencyKey, AuthorizationRequest request) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new ApiError(400, "missing_idempotency_key", "the Idempotency-Key header is required", Map.of("header", "Idempotency-Key"));
    }
    if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new ApiError(400, "invalid_idempotency_key", "the Idempotency-Key header must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters", Map.of("header", "Idempotency-Key"));
    }
    request.validate();
    TestCards.Behaviour card = TestCards.of(request.cardNumber());
    Authorization answer = firstAnswers.computeIfAbsent(idempotencyKey, key -> decide(card, request));
    if (card.slow()) {
      pause();
    }
    return answer;
  }

  private Authorization decide(TestCards.Behaviour card, AuthorizationRequest request) {
    Authorization authorization = card.approves()
        ? new Authorization(newId("auth_"), Authorization.APPROVED, null, request.amount(), request.currency(), request.captureNow(), 0)
        : new Authorization(newId("auth_"), Authorization.DECLINED, card.declineCode(), request.amount(), request.currency(), false, 0);
    authorizations.put(authorization.id(), authorization);
    LOG.info("authorization {} {} {} {} {} {}", kv("authorization_id", authorization.id()), kv("status", authorization.status()),
        kv("decline_code", authorization.declineCode()), kv("amount", authorization.amount()), kv("currency", authorization.currency()),
        kv("captured", authorization.captured()));
    return authorization;
  }

  /**
   * The authorization's current state.
   *
   * @throws ApiError 404 {@code not_found} for an unknown id
   */
  Authorization authorization(String id) {
    Authorization authorization = authorizations.get(id);
    if (authorization == null) {
      throw ApiError.notFound("authorization", id);
    }
    return authorization;
  }

  /**
   * Captures an approved authorization; capturing it again changes nothing.
   *
   * @throws ApiError 404 {@code not_found}; 409 {@code not_capturable} for a declined one
   */
  Authorization capture(String id) {
    Authorization captured = authorizations.computeIfPresent(id, (key, authorization) -> {
      if (!authorization.approved()) {
        throw ApiError.conflict("not_capturable", "authorization " + id + " was declined and cannot be captured");
      }
      return authorization.withCaptured();
    });
    if (captured == null) {
      throw ApiError.notFound("authorization", id);
    }
    LOG.info("capture {}", kv("authorization_id", id));
    return captured;
  }

  /**
   * Refunds part or all of what remains of a captured authorization.
   *
   * @param request {@code amount} in minor units, &gt; 0
   * @throws ApiError 400 {@code missing_field}/{@code invalid_amount}; 404 {@code not_found};
   *     409 {@code not_refundable} when declined or not captured; 409
   *     {@code refund_exceeds_capture} when the amount is more than the captured amount minus
   *     the refunds so far
   */
  Refund refund(String id, RefundRequest request) {
    long amount = Requests.amount(request.amount());
    Authorization refunded = authorizations.computeIfPresent(id, (key, authorization) -> {
      if (!authorization.approved() || !authorization.captured()) {
        throw ApiError.conflict("not_refundable", "authorization " + id + " is " + (authorization.approved() ? "not captured" : "declined") + " and cannot be refunded");
      }
      if (amount > authorization.refundable()) {
        throw new ApiError(409, "refund_exceeds_capture", "refund of " + amount + " exceeds the " + authorization.refundable() + " that remains refundable",
            Map.of("refundable", authorization.refundable()));
      }
      return authorization.withRefund(amount);
    });
    if (refunded == null) {
      throw ApiError.notFound("authorization", id);
    }
    Refund refund = new Refund(newId("rf_"), id, amount, "succeeded");
    LOG.info("refund {} {} {}", kv("refund_id", refund.id()), kv("authorization_id", id), kv("amount", amount));
    return refund;
  }

  private void pause() {
    try {
      sleeper.sleep(slowResponse);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String newId(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }
}
