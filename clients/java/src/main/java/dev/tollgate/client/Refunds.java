package dev.tollgate.client;

import java.util.Map;

/** Refunds of a debit: {@code POST /v1/debits/{id}/refunds}, {@code GET /v1/debits/{id}/refunds}. */
public final class Refunds {
  private final Transport transport;

  Refunds(Transport transport) {
    this.transport = transport;
  }

  /**
   * Refunds what remains of a debit (its amount minus earlier refunds).
   *
   * @throws ConflictException {@code refund_exceeds_debit} (nothing remains),
   *     {@code debit_not_refundable} (a failed debit)
   * @throws NotFoundException the debit is unknown or another marketplace's
   */
  public Refund create(String debitId) {
    return transport.post(path(debitId), Map.of(), Map.of(), Transport.type(Refund.class));
  }

  /**
   * Refunds part of a debit. Refunds are not idempotent: do not retry one blindly.
   *
   * @param amount integer minor units, &gt; 0 and at most what remains
   * @throws InvalidRequestException {@code invalid_amount}
   * @throws ConflictException {@code refund_exceeds_debit}, {@code debit_not_refundable}
   * @throws NotFoundException the debit is unknown or another marketplace's
   */
  public Refund create(String debitId, long amount) {
    return transport.post(path(debitId), Map.of("amount", amount), Map.of(), Transport.type(Refund.class));
  }

  /** The first page (20) of a debit's refunds, newest first. */
  public Page<Refund> list(String debitId) {
    return list(debitId, 20, 0);
  }

  /**
   * A page of a debit's refunds, newest first.
   *
   * @throws NotFoundException the debit is unknown or another marketplace's
   */
  public Page<Refund> list(String debitId, int limit, int offset) {
    Page.Body<Refund> body = transport.get(path(debitId) + Transport.window(limit, offset), Transport.pageOf(Refund.class));
    return new Page<>(body, (nextLimit, nextOffset) -> list(debitId, nextLimit, nextOffset));
  }

  private static String path(String debitId) {
    return "/v1/debits/" + Transport.segment(debitId) + "/refunds";
  }
}
