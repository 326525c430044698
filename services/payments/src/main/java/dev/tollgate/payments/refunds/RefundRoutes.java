package dev.tollgate.payments.refunds;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.payments.api.Bodies;
import dev.tollgate.payments.api.Ids;
import dev.tollgate.payments.api.Page;
import dev.tollgate.payments.api.PageRequest;
import dev.tollgate.payments.api.Tenancy;
import dev.tollgate.service.JsonClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds of debits.
 *
 * <ul>
 *   <li>{@code POST /v1/debits/{id}/refunds} {@code {amount?}} (minor units; default: what
 *       remains) → 201 {@code {id:"rf_…", debit_id, amount, status, created_at}}; 409
 *       {@code refund_exceeds_debit} (nothing is sent to the vault) or
 *       {@code debit_not_refundable} (a failed debit); 404 for an unknown or another
 *       marketplace's debit. The debit's row is locked from the check until the refund is
 *       stored, so concurrent refunds cannot exceed the debit.
 *   <li>{@code GET /v1/debits/{id}/refunds?limit&offset} → 200 a page, newest first.
 * </ul>
 */
public final class RefundRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(RefundRoutes.class);
  private final Jdbi jdbi;
  private final RefundStore store;
  private final VaultRefunds vault;

  private RefundRoutes(Jdbi jdbi, VaultRefunds vault) {
    this.jdbi = jdbi;
    this.store = new RefundStore(jdbi);
    this.vault = vault;
  }

  /** Registers the refund routes; {@code vault} is a client of the vault's base URL. */
  public static void register(Javalin app, Jdbi jdbi, JsonClient vault) {
    RefundRoutes routes = new RefundRoutes(jdbi, new VaultRefunds(vault));
    app.post("/v1/debits/{id}/refunds", routes::create);
    app.get("/v1/debits/{id}/refunds", routes::list);
  }

  private void create(Context ctx) {
    String marketplaceId = Tenancy.marketplaceId(ctx);
    String debitId = ctx.pathParam("id");
    RefundRequest request = Bodies.readOptional(ctx, RefundRequest.class).orElse(RefundRequest.REMAINING).validated();
    Refund refund = jdbi.inTransaction(h -> {
      RefundableDebit debit = Tenancy.requireOwned(store.lockDebit(h, debitId), RefundableDebit::marketplaceId, marketplaceId, "debit", debitId);
      long amount = RefundMath.amountToRefund(debit.succeeded(), debit.amount(), debit.refundedAmount(), request.amount());
      VaultRefunds.VaultRefund refunded = vault.refund(debit.vaultChargeId(), amount);
      Refund created = new Refund(Ids.random("rf"), marketplaceId, debitId, amount, refunded.status(), refunded.id(), Instant.now().truncatedTo(ChronoUnit.MICROS));
      store.insert(h, created);
      return created;
    });
    LOG.info("refund created {} {} {}", kv("refund_id", refund.id()), kv("debit_id", debitId), kv("amount", refund.amount()));
    ctx.status(201).json(RefundView.of(refund));
  }

  private void list(Context ctx) {
    String debitId = ctx.pathParam("id");
    Tenancy.requireOwned(store.debitOwner(debitId), owner -> owner, Tenancy.marketplaceId(ctx), "debit", debitId);
    PageRequest page = PageRequest.from(ctx);
    ctx.json(Page.of(store.list(debitId, page), page).map(RefundView::of));
  }
}
