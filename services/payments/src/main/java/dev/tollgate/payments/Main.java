package dev.tollgate.payments;

import dev.tollgate.payments.cards.CardRoutes;
import dev.tollgate.payments.debits.DebitRoutes;
import dev.tollgate.payments.marketplaces.MarketplaceRoutes;
import dev.tollgate.payments.refunds.RefundRoutes;
import dev.tollgate.payments.verification.TestDataRoutes;
import dev.tollgate.service.Database;
import dev.tollgate.service.JsonClient;
import dev.tollgate.service.ServiceLauncher;
import io.javalin.Javalin;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The payments service: the public API of marketplaces, cards, debits and refunds (see
 * README.md). Environment: {@code DATABASE_*} (see {@link Database}), the variables of
 * {@link PaymentsConfig}, and the HTTP ones of {@link ServiceLauncher}.
 */
public final class Main {
  /** The Flyway version of {@code migrations/payments} this code needs. */
  public static final String SCHEMA_VERSION = "4";

  private Main() {}

  public static void main(String[] args) {
    ServiceLauncher.launch("payments", Main.class, env -> {
      DataSource dataSource = Database.connect(env, SCHEMA_VERSION);
      PaymentsConfig config = PaymentsConfig.from(env);
      return app -> routing(app, dataSource, config);
    });
  }

  /** Registers every payments route on {@code app}; tests call this with their own database and fakes. */
  public static void routing(Javalin app, DataSource dataSource, PaymentsConfig config) {
    Jdbi jdbi = Jdbi.create(dataSource);
    JsonClient fraud = new JsonClient("fraud", config.fraudUrl(), config.upstreamTimeout());
    JsonClient vault = new JsonClient("vault", config.vaultUrl(), config.upstreamTimeout());
    MarketplaceRoutes.register(app, jdbi);
    CardRoutes.register(app, jdbi, vault);
    DebitRoutes.register(app, jdbi, fraud, vault, config.maxRiskScore());
    RefundRoutes.register(app, jdbi, vault);
    TestDataRoutes.register(app, jdbi, config.verificationToken());
  }
}
