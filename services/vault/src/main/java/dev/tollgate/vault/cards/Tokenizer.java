package dev.tollgate.vault.cards;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.vault.bank.Bank;
import dev.tollgate.vault.crypto.CardCipher;
import dev.tollgate.vault.crypto.Fingerprints;
import dev.tollgate.vault.crypto.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Validates a card, has the bank verify it, and stores its number sealed under a new token. */
final class Tokenizer {
  private static final Logger LOG = LoggerFactory.getLogger(Tokenizer.class);

  private final CardValidator validator;
  private final Bank bank;
  private final CardCipher cipher;
  private final Fingerprints fingerprints;
  private final CardStore store;

  Tokenizer(CardValidator validator, Bank bank, CardCipher cipher, Fingerprints fingerprints, CardStore store) {
    this.validator = validator;
    this.bank = bank;
    this.cipher = cipher;
    this.fingerprints = fingerprints;
    this.store = store;
  }

  /** Nothing is stored when validation or the bank fails; the CSC is only sent to the bank. */
  TokenizedCard tokenize(CardRequest request) {
    ValidCard card = validator.validate(request);
    String cscResult = bank.verify(card.details(), card.csc());
    String token = RandomIds.next("tok_");
    String fingerprint = fingerprints.of(card.number());
    String brand = card.brand().wireName();
    store.insert(new StoredCard(token, cipher.seal(token, card.number()), fingerprint, brand, card.lastFour(), card.expiryMonth(), card.expiryYear(), card.holderName()));
    LOG.info("card tokenized {} {} {}", kv("token", token), kv("brand", brand), kv("csc_result", cscResult));
    return new TokenizedCard(token, brand, card.lastFour(), card.expiryMonth(), card.expiryYear(), fingerprint, cscResult);
  }
}
