package dev.tollgate.stack;

import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.bank.Bank;
import dev.tollgate.payments.PaymentsConfig;
import dev.tollgate.service.Database;
import dev.tollgate.service.Env;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.ServiceLauncher;
import dev.tollgate.testkit.TestDatabase;
import dev.tollgate.vault.VaultConfig;
import io.javalin.Javalin;
import java.lang.reflect.Field;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole Tollgate stack in this JVM: the bank sandbox, fraud, the vault and payments, each
 * through its own {@code Main.routing(...)} on a random loopback port, as a deployment wires
 * them: payments' {@code FRAUD_URL} and {@code VAULT_URL} point at the in-process fraud and
 * vault, the vault's {@code BANK_URL} at the in-process bank. Each service's configuration goes
 * through its own parsing of environment-style variables, and each gets a fresh database on the
 * embedded PostgreSQL, migrated by Flyway from {@code migrations/<service>} (as the pipeline
 * migrates environments) and opened with {@link Database#connect}, which checks the schema
 * version the service's code needs, as at a real start. The vault can be stopped and started
 * again on the same port, so payments (whose {@code VAULT_URL} is fixed) sees it come back.
 * Used by the acceptance suite (its scenarios, and system verification's runner against the
 * whole stack).
 */
public final class InMemoryStack implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  /** Bound on each service's graceful stop: nothing is in flight when tests stop a service. */
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);

  private final List<HttpService> started = new ArrayList<>();
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final String verificationToken = randomKey();
  private Consumer<Javalin> vaultRoutes;
  private HttpService vault;
  private int vaultPort;
  private HikariDataSource paymentsDb;
  private URI paymentsUrl;

  private InMemoryStack() {}

  /**
   * Starts every service.
   *
   * @throws RuntimeException whatever stopped a service from starting, after stopping those
   *     that had started
   */
  public static InMemoryStack start() {
    InMemoryStack stack = new InMemoryStack();
    try {
      stack.boot();
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void boot() {
    URI bank = url(serve("bank-sandbox", dev.tollgate.bank.Main.class,
        app -> dev.tollgate.bank.Main.routing(app, new Bank(Duration.ofMillis(3000))), 0));

    HikariDataSource fraudDb = database("fraud", dev.tollgate.fraud.Main.SCHEMA_VERSION);
    URI fraud = url(serve("fraud", dev.tollgate.fraud.Main.class,
        app -> dev.tollgate.fraud.Main.routing(app, fraudDb, Duration.ofMinutes(60)), 0));

    HikariDataSource vaultDb = database("vault", schemaVersion(dev.tollgate.vault.Main.class));
    VaultConfig vaultConfig = VaultConfig.from(Env.of(Map.of(
        "VAULT_ENCRYPTION_KEY", randomKey(),
        "BANK_URL", bank.toString())));
    vaultRoutes = app -> dev.tollgate.vault.Main.routing(app, vaultConfig, vaultDb, Clock.systemUTC());
    vault = serve("vault", dev.tollgate.vault.Main.class, vaultRoutes, 0);
    vaultPort = vault.port();

    paymentsDb = database("payments", dev.tollgate.payments.Main.SCHEMA_VERSION);
    PaymentsConfig paymentsConfig = PaymentsConfig.from(Env.of(Map.of(
        "FRAUD_URL", fraud.toString(),
        "VAULT_URL", url(vault).toString(),
        "VERIFICATION_TOKEN", verificationToken)));
    paymentsUrl = url(serve("payments", dev.tollgate.payments.Main.class,
        app -> dev.tollgate.payments.Main.routing(app, paymentsDb, paymentsConfig), 0));
  }

  /** The payments API's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI paymentsUrl() {
    return paymentsUrl;
  }

  /** Payments' {@code VERIFICATION_TOKEN}: base64 of 32 random bytes, new for each stack. */
  public String verificationToken() {
    return verificationToken;
  }

  /** Stops the vault (at once if already stopped): payments answers 502 for everything that needs it. */
  public synchronized void stopVault() {
    if (vault != null) {
      vault.drainAndStop();
      started.remove(vault);
      vault = null;
    }
  }

  /** Starts the vault again on its first port (at once if it runs). */
  public synchronized void startVault() {
    if (vault == null) {
      vault = serve("vault", dev.tollgate.vault.Main.class, vaultRoutes, vaultPort);
    }
  }

  /**
   * A count from payments' database, e.g. {@code count("select count(*) from cards where
   * marketplace_id = ?", id)}: the first column of the first row, as an int.
   *
   * @throws IllegalStateException when the query fails
   */
  public int count(String sql, Object... parameters) {
    try (Connection connection = paymentsDb.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count with " + sql, e);
    }
  }

  /**
   * Stops the services, payments first, then closes the pools (the embedded PostgreSQL stops
   * with the JVM).
   */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).drainAndStop();
    }
    started.clear();
    pools.forEach(HikariDataSource::close);
    pools.clear();
  }

  /** A fresh migrated database for {@code service}, opened as the service opens its own. */
  private HikariDataSource database(String service, String requiredVersion) {
    TestDatabase db = TestDatabase.migrated(service);
    HikariDataSource pool = Database.connect(Env.of(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres")), requiredVersion);
    pools.add(pool);
    return pool;
  }

  /** The {@code SCHEMA_VERSION} constant of a service's {@code Main}, read reflectively when it is not public (the vault's). */
  private static String schemaVersion(Class<?> main) {
    try {
      Field field = main.getDeclaredField("SCHEMA_VERSION");
      field.setAccessible(true);
      return (String) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(main.getName() + " has no readable SCHEMA_VERSION constant", e);
    }
  }

  private HttpService serve(String name, Class<?> main, Consumer<Javalin> routes, int port) {
    HttpService service = HttpService.create(name, ServiceLauncher.versionOf(main), SHUTDOWN_TIMEOUT, routes);
    started.add(service);
    service.start(HOST, port);
    return service;
  }

  private static URI url(HttpService service) {
    return URI.create("http://" + HOST + ":" + service.port());
  }

  /** Base64 of 32 random bytes: an AES-256 key for the vault, or a verification token. */
  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
