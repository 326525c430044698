package dev.tollgate.payments.cards;

import dev.tollgate.service.ApiError;
import dev.tollgate.service.JsonClient;
import java.util.Map;

/** Tokenizes cards through the vault's {@code POST /v1/cards}. */
final class VaultCards {
  private final JsonClient vault;

  VaultCards(JsonClient vault) {
    this.vault = vault;
  }

  /**
   * The vault's token and card facts.
   *
   * @throws ApiError 400 with the vault's code when the vault refuses the card
   *     ({@code invalid_card_number}, {@code card_expired}, ...); 502/504 for other failures
   */
  VaultCard tokenize(CardRequest card) {
    VaultCard answer;
    try {
      answer = vault.post("/v1/cards", card, Map.of(), VaultCard.class);
    } catch (JsonClient.Failure failure) {
      if (failure.upstreamStatus() == 400) {
        throw new ApiError(400, failure.upstreamCode(), "the card was refused: " + failure.upstreamCode());
      }
      throw failure;
    }
    if (answer == null) {
      throw ApiError.upstream("vault", "empty card response");
    }
    return answer.requireComplete();
  }
}
