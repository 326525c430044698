package dev.tollgate.vault.charges;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.service.ApiError;
import dev.tollgate.vault.bank.Authorization;
import dev.tollgate.vault.bank.Bank;
import dev.tollgate.vault.bank.CardDetails;
import dev.tollgate.vault.cards.Cards;
import dev.tollgate.vault.crypto.RandomIds;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges a tokenized card through the bank, once per Idempotency-Key: a retry with the key
 * gets the stored first answer and the bank is not called again; the same key on another
 * card, amount or currency is a 422 {@code idempotency_key_reused}. A bank timeout (504)
 * stores nothing, so a retry asks the bank again with the same key.
 */
final class Charger {
  private static final Logger LOG = LoggerFactory.getLogger(Charger.class);

  private final Cards cards;
  private final Bank bank;
  private final ChargeStore store;

  Charger(Cards cards, Bank bank, ChargeStore store) {
    this.cards = cards;
    this.bank = bank;
    this.store = store;
  }

  Charge charge(String token, String idempotencyKey, ChargeRequest request) {
    long amount = Money.amount(request.amount());
    String currency = Money.currency(request.currency());
    Optional<Charge> first = store.findByIdempotencyKey(idempotencyKey);
    if (first.isPresent()) {
      return replay(first.get(), token, amount, currency);
    }
    CardDetails card = cards.reveal(token).orElseThrow(() -> new ApiError(404, "card_not_found", "no card with token " + token, Map.of("token", token)));
    Authorization authorization = bank.authorize(idempotencyKey, card, amount, currency, request.reference());
    String status = authorization.approved() ? Charge.SUCCEEDED : Charge.DECLINED;
    String declineCode = authorization.approved() ? null : authorization.declineCode();
    Charge charge = store.insertOrKeep(new Charge(RandomIds.next("ch_"), token, status, declineCode, amount, currency, authorization.id()), idempotencyKey);
    LOG.info("charge recorded {} {} {} {} {}", kv("charge_id", charge.id()), kv("token", token), kv("status", charge.status()), kv("amount", amount), kv("currency", currency));
    return charge;
  }

  private static Charge replay(Charge first, String token, long amount, String currency) {
    if (!first.token().equals(token) || first.amount() != amount || !first.currency().equals(currency)) {
      throw new ApiError(422, "idempotency_key_reused", "this Idempotency-Key was already used for another charge", Map.of("charge_id", first.id()));
    }
    LOG.info("charge replayed {}", kv("charge_id", first.id()));
    return first;
  }
}
