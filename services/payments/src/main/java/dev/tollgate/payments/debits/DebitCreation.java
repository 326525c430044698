package dev.tollgate.payments.debits;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.payments.api.Ids;
import dev.tollgate.payments.api.Tenancy;
import dev.tollgate.service.ApiError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating a debit: card (the caller's own), fraud check, decline rules, vault charge, and
 * the debit stored with its answer. With an Idempotency-Key the key is reserved first; the
 * debit id is derived from marketplace, key and request, so a retry after a lost answer
 * reuses the id and the vault (which dedupes on it) never charges twice. Any error before the
 * debit is stored releases the key and stores nothing.
 */
final class DebitCreation {
  private static final Logger LOG = LoggerFactory.getLogger(DebitCreation.class);

  private final Jdbi jdbi;
  private final DebitStore debits;
  private final IdempotencyStore keys;
  private final FraudChecks fraud;
  private final DeclineRules rules;
  private final VaultCharges vault;

  DebitCreation(Jdbi jdbi, FraudChecks fraud, DeclineRules rules, VaultCharges vault) {
    this.jdbi = jdbi;
    this.debits = new DebitStore(jdbi);
    this.keys = new IdempotencyStore(jdbi);
    this.fraud = fraud;
    this.rules = rules;
    this.vault = vault;
  }

  StoredResponse create(String marketplaceId, DebitRequest request, Optional<String> idempotencyKey) {
    if (idempotencyKey.isEmpty()) {
      return process(marketplaceId, request, Ids.random("db"), null);
    }
    String key = idempotencyKey.get();
    String hash = RequestHash.of(request);
    for (int attempt = 0; attempt < 3; attempt++) {
      if (keys.reserve(marketplaceId, key, hash)) {
        try {
          return process(marketplaceId, request, Ids.derived("db", marketplaceId, key, hash), key);
        } catch (RuntimeException e) {
          keys.release(marketplaceId, key);
          throw e;
        }
      }
      Optional<IdempotencyRecord> existing = keys.find(marketplaceId, key);
      if (existing.isPresent()) {
        return existing.get().replayFor(hash);
      }
      // released between our insert and our read: try to reserve again
    }
    throw ApiError.conflict("idempotency_key_in_progress", "a request with this Idempotency-Key is still in progress; retry later");
  }

  private StoredResponse process(String marketplaceId, DebitRequest request, String debitId, String key) {
    CardRef card = Tenancy.requireOwned(debits.findCard(request.cardId()), CardRef::marketplaceId, marketplaceId, "card", request.cardId());
    FraudVerdict verdict = fraud.check(card, request.amount(), request.currency());
    Optional<String> decline = rules.declineCode(verdict);
    String chargeId = null;
    String failureCode = decline.orElse(null);
    if (decline.isEmpty()) {
      VaultCharges.Charge charge = vault.charge(card.vaultToken(), request.amount(), request.currency(), debitId);
      chargeId = charge.id();
      failureCode = charge.succeeded() ? null : Objects.requireNonNullElse(charge.declineCode(), "card_declined");
    }
    Debit debit = new Debit(debitId, marketplaceId, card.id(), request.amount(), request.currency(), failureCode == null ? Debit.SUCCEEDED : Debit.FAILED,
        failureCode, verdict.riskScore(), chargeId, 0, request.description(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    StoredResponse response = DebitView.creationResponse(debit);
    jdbi.useTransaction(h -> {
      debits.insert(h, debit);
      if (key != null) {
        keys.complete(h, marketplaceId, key, response);
      }
    });
    LOG.info("debit created {} {} {} {} {}", kv("debit_id", debitId), kv("marketplace_id", marketplaceId), kv("status", debit.status()), kv("failure_code", failureCode), kv("risk_score", verdict.riskScore()));
    return response;
  }
}
