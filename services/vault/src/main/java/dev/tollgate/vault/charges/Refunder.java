package dev.tollgate.vault.charges;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.service.ApiError;
import dev.tollgate.vault.bank.Bank;
import dev.tollgate.vault.bank.BankRefund;
import dev.tollgate.vault.crypto.RandomIds;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds a charge through the bank. The bank decides what is refundable: its 409
 * ({@code refund_exceeds_capture}, {@code not_refundable}) is passed on and nothing is stored.
 */
final class Refunder {
  private static final Logger LOG = LoggerFactory.getLogger(Refunder.class);

  private final Bank bank;
  private final ChargeStore charges;
  private final RefundStore refunds;

  Refunder(Bank bank, ChargeStore charges, RefundStore refunds) {
    this.bank = bank;
    this.charges = charges;
    this.refunds = refunds;
  }

  Refund refund(String chargeId, RefundRequest request) {
    long amount = Money.amount(request.amount());
    Charge charge = charges.find(chargeId).orElseThrow(() -> new ApiError(404, "charge_not_found", "no charge " + chargeId, Map.of("charge_id", chargeId)));
    BankRefund answer = bank.refund(charge.bankAuthorizationId(), amount);
    Refund refund = new Refund(RandomIds.next("vrf_"), charge.id(), amount, answer.status());
    refunds.insert(refund, answer.id());
    LOG.info("refund recorded {} {} {}", kv("refund_id", refund.id()), kv("charge_id", charge.id()), kv("amount", amount));
    return refund;
  }
}
