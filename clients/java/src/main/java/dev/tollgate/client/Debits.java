package dev.tollgate.client;

import java.util.Map;
import java.util.Objects;

/** Debits: {@code POST /v1/debits}, {@code GET /v1/debits/{id}}, {@code GET /v1/debits}. */
public final class Debits {
  private final Transport transport;

  Debits(Transport transport) {
    this.transport = transport;
  }

  /**
   * Charges a card without an Idempotency-Key: a retry after a lost answer may charge twice;
   * prefer {@link #create(DebitRequest, String)}.
   *
   * @return the succeeded debit
   * @throws CardDeclinedException 402: declined by the fraud check or the bank (stored as failed)
   * @throws InvalidRequestException {@code missing_field}, {@code invalid_amount},
   *     {@code invalid_currency}, {@code field_too_long}
   * @throws NotFoundException the card is unknown or another marketplace's
   * @throws ServerException 502/504: fraud or the vault failed; nothing was stored
   */
  public Debit create(DebitRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.post("/v1/debits", request, Map.of(), Transport.type(Debit.class));
  }

  /**
   * Charges a card at most once per {@code idempotencyKey}: a retry with the same key and the
   * same request gets the first answer (the same debit, or the same
   * {@link CardDeclinedException}) and never charges again.
   *
   * @param idempotencyKey 1..255 characters, e.g. {@link IdempotencyKeys#random()}
   * @throws IdempotencyException 422: the key was used with another request
   * @throws ConflictException 409 {@code idempotency_key_in_progress}: the first call with this
   *     key is still running
   * @see #create(DebitRequest) for the other errors
   */
  public Debit create(DebitRequest request, String idempotencyKey) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    return transport.post("/v1/debits", request, Map.of("Idempotency-Key", idempotencyKey), Transport.type(Debit.class));
  }

  /**
   * One of the calling marketplace's debits, succeeded or failed.
   *
   * @throws NotFoundException when it is unknown or another marketplace's
   */
  public Debit get(String id) {
    return transport.get("/v1/debits/" + Transport.segment(id), Transport.type(Debit.class));
  }

  /** The first page of debits (20), newest first. */
  public Page<Debit> list() {
    return list(20, 0);
  }

  /**
   * A page of debits, newest first.
   *
   * @param limit 1..100
   * @param offset 0 or more
   * @throws InvalidRequestException {@code invalid_limit}, {@code invalid_offset}
   */
  public Page<Debit> list(int limit, int offset) {
    Page.Body<Debit> body = transport.get("/v1/debits" + Transport.window(limit, offset), Transport.pageOf(Debit.class));
    return new Page<>(body, this::list);
  }
}
