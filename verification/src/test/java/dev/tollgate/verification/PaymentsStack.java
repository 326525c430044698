package dev.tollgate.verification;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tollgate.bank.Bank;
import dev.tollgate.payments.PaymentsConfig;
import dev.tollgate.service.Env;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.ServiceLauncher;
import dev.tollgate.testkit.TestDatabase;
import dev.tollgate.vault.VaultConfig;
import io.javalin.Javalin;
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
 * A real payments system in the test JVM, standing in for production: the bank sandbox, fraud,
 * the vault and payments, each through its own {@code Main.routing} on a random loopback port,
 * wired by URL as a deployment wires them, each with its own database on the embedded
 * PostgreSQL migrated from {@code migrations/<service>}. The vault can be stopped and started
 * again on the same port, so payments (whose {@code VAULT_URL} is fixed) sees it come back.
 */
final class PaymentsStack implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);

  private final List<HttpService> services = new ArrayList<>();
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final String verificationToken = randomBase64();
  private Consumer<Javalin> vaultRoutes;
  private HttpService vault;
  private int vaultPort;
  private HikariDataSource paymentsDb;
  private URI paymentsUrl;

  private PaymentsStack() {}

  /** Starts every service; stops what started when one fails. */
  static PaymentsStack start() {
    PaymentsStack stack = new PaymentsStack();
    try {
      stack.boot();
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void boot() {
    URI bank = url(serve("bank-sandbox", dev.tollgate.bank.Main.class, app -> dev.tollgate.bank.Main.routing(app, new Bank(Duration.ofMillis(3000))), 0));
    HikariDataSource fraudDb = database("fraud");
    URI fraud = url(serve("fraud", dev.tollgate.fraud.Main.class, app -> dev.tollgate.fraud.Main.routing(app, fraudDb, Duration.ofMinutes(60)), 0));
    HikariDataSource vaultDb = database("vault");
    VaultConfig vaultConfig = VaultConfig.from(Env.of(Map.of("VAULT_ENCRYPTION_KEY", randomBase64(), "BANK_URL", bank.toString())));
    vaultRoutes = app -> dev.tollgate.vault.Main.routing(app, vaultConfig, vaultDb, Clock.systemUTC());
    vault = serve("vault", dev.tollgate.vault.Main.class, vaultRoutes, 0);
    vaultPort = vault.port();
    paymentsDb = database("payments");
    PaymentsConfig paymentsConfig = PaymentsConfig.from(Env.of(Map.of(
        "FRAUD_URL", fraud.toString(),
        "VAULT_URL", url(vault).toString(),
        "VERIFICATION_TOKEN", verificationToken)));
    paymentsUrl = url(serve("payments", dev.tollgate.payments.Main.class, app -> dev.tollgate.payments.Main.routing(app, paymentsDb, paymentsConfig), 0));
  }

  /** Payments' base URL: the stand-in for production's public URL. */
  URI paymentsUrl() {
    return paymentsUrl;
  }

  /** Payments' {@code VERIFICATION_TOKEN}. */
  String verificationToken() {
    return verificationToken;
  }

  /** Stops the vault: payments answers 502 for everything that needs it. */
  synchronized void stopVault() {
    if (vault != null) {
      vault.drainAndStop();
      services.remove(vault);
      vault = null;
    }
  }

  /** Starts the vault again on its old port. */
  synchronized void startVault() {
    if (vault == null) {
      vault = serve("vault", dev.tollgate.vault.Main.class, vaultRoutes, vaultPort);
    }
  }

  /** A count from payments' database, e.g. {@code select count(*) from marketplaces where test}. */
  int count(String sql, Object... parameters) {
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

  private HikariDataSource database(String service) {
    TestDatabase db = TestDatabase.migrated(service);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    config.setPoolName(service);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  private HttpService serve(String name, Class<?> main, Consumer<Javalin> routes, int port) {
    HttpService service = HttpService.create(name, ServiceLauncher.versionOf(main), SHUTDOWN_TIMEOUT, routes);
    services.add(service);
    service.start(HOST, port);
    return service;
  }

  private static URI url(HttpService service) {
    return URI.create("http://" + HOST + ":" + service.port());
  }

  private static String randomBase64() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Stops the services (payments first) and closes the pools. */
  @Override
  public void close() {
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).drainAndStop();
    }
    services.clear();
    pools.forEach(HikariDataSource::close);
    pools.clear();
  }
}
