package dev.tollgate.vault;

import dev.tollgate.service.Database;
import dev.tollgate.service.JsonClient;
import dev.tollgate.service.ServiceLauncher;
import dev.tollgate.vault.bank.Bank;
import dev.tollgate.vault.cards.Cards;
import dev.tollgate.vault.charges.Charges;
import dev.tollgate.vault.crypto.CardCipher;
import dev.tollgate.vault.crypto.Fingerprints;
import io.javalin.Javalin;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The card vault: tokenizes card numbers (stored AES-256-GCM encrypted), charges and refunds
 * them through the acquiring bank. Routes: {@code POST /v1/cards},
 * {@code POST /v1/cards/{token}/charges}, {@code POST /v1/charges/{id}/refunds}, and
 * {@code GET /health}. Variables: see {@link VaultConfig}, {@link Database} and
 * {@link ServiceLauncher}.
 */
public final class Main {
  /** The Flyway version of migrations/vault this code needs. */
  static final String SCHEMA_VERSION = "2";

  private Main() {}

  /** Starts the vault; exits 2 naming the variable when the configuration is wrong. */
  public static void main(String[] args) {
    ServiceLauncher.launch("vault", Main.class, env -> {
      VaultConfig config = VaultConfig.from(env);
      DataSource dataSource = Database.connect(env, SCHEMA_VERSION);
      return app -> routing(app, config, dataSource, Clock.systemUTC());
    });
  }

  /**
   * Registers the vault's routes on {@code app} (used by {@link #main} and by tests).
   *
   * @param dataSource the vault database, migrated to {@link #SCHEMA_VERSION}
   * @param clock the current month for card expiry checks
   */
  public static void routing(Javalin app, VaultConfig config, DataSource dataSource, Clock clock) {
    Jdbi jdbi = Jdbi.create(dataSource);
    Bank bank = new Bank(new JsonClient("bank", config.bankUrl(), config.bankTimeout()));
    Cards cards = new Cards(jdbi, new CardCipher(config.key()), new Fingerprints(config.key()), bank, clock);
    cards.routes(app);
    new Charges(jdbi, cards, bank).routes(app);
  }
}
