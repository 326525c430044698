package dev.tollgate.vault.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.Json;
import dev.tollgate.vault.bank.Bank;
import dev.tollgate.vault.bank.CardDetails;
import dev.tollgate.vault.crypto.CardCipher;
import dev.tollgate.vault.crypto.Fingerprints;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The cards feature: {@code POST /v1/cards} (tokenize) and, for other features, the
 * decrypted card behind a token.
 *
 * <p>{@code POST /v1/cards} {@code {number, expiry_month, expiry_year, csc, holder_name?}} →
 * 201 {@code {token, brand, last_four, expiry_month, expiry_year, fingerprint, csc_result}};
 * 400 with the codes of {@link CardValidator}; 502/504 when the bank's verification fails.
 */
public final class Cards {
  private final CardStore store;
  private final CardCipher cipher;
  private final Tokenizer tokenizer;

  /** @param clock the current month for expiry checks */
  public Cards(Jdbi jdbi, CardCipher cipher, Fingerprints fingerprints, Bank bank, Clock clock) {
    this.store = new CardStore(jdbi);
    this.cipher = cipher;
    this.tokenizer = new Tokenizer(new CardValidator(clock), bank, cipher, fingerprints, store);
  }

  /** Registers the cards routes. */
  public void routes(Javalin app) {
    app.post("/v1/cards", this::tokenize);
  }

  /**
   * The number and expiry of the card {@code token}, decrypted; empty for an unknown token.
   *
   * @throws CardCipher.TamperedException when the stored ciphertext fails authentication
   */
  public Optional<CardDetails> reveal(String token) {
    return store.find(token).map(card -> new CardDetails(cipher.open(card.token(), card.sealed()), card.expiryMonth(), card.expiryYear()));
  }

  private void tokenize(Context ctx) throws JsonProcessingException {
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    if (body == null || !body.isObject()) {
      throw new ApiError(400, "invalid_json", "request body must be a JSON object");
    }
    requireTextOrAbsent(body, "number");
    requireTextOrAbsent(body, "csc");
    ctx.status(201).json(tokenizer.tokenize(Json.mapper().treeToValue(body, CardRequest.class)));
  }

  /** Jackson would turn a JSON number into a string; a card number or CSC must be sent as a string (leading zeros, precision). */
  private static void requireTextOrAbsent(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
      throw new ApiError(400, "invalid_json", "request body field '" + field + "' has the wrong type (expected a string of digits)", Map.of("field", field));
    }
  }
}
