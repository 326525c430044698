package dev.tollgate.client;

import java.util.Map;
import java.util.Objects;

/** Cards: {@code POST /v1/cards}, {@code GET /v1/cards/{id}}, {@code GET /v1/cards}. */
public final class Cards {
  private final Transport transport;

  Cards(Transport transport) {
    this.transport = transport;
  }

  /**
   * Tokenizes a card through the vault (which asks the bank to verify it).
   *
   * @throws InvalidRequestException {@code missing_field}, or the vault's
   *     {@code invalid_card_number}, {@code invalid_expiry}, {@code card_expired},
   *     {@code unsupported_brand}, {@code invalid_csc}
   */
  public Card create(CardRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.post("/v1/cards", request, Map.of(), Transport.type(Card.class));
  }

  /**
   * One of the calling marketplace's cards.
   *
   * @throws NotFoundException when it is unknown or another marketplace's
   */
  public Card get(String id) {
    return transport.get("/v1/cards/" + Transport.segment(id), Transport.type(Card.class));
  }

  /** The first page of cards (20), newest first. */
  public Page<Card> list() {
    return list(20, 0);
  }

  /**
   * A page of cards, newest first.
   *
   * @param limit 1..100
   * @param offset 0 or more
   * @throws InvalidRequestException {@code invalid_limit}, {@code invalid_offset}
   */
  public Page<Card> list(int limit, int offset) {
    Page.Body<Card> body = transport.get("/v1/cards" + Transport.window(limit, offset), Transport.pageOf(Card.class));
    return new Page<>(body, this::list);
  }
}
