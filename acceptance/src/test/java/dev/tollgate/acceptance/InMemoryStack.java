package dev.tollgate.acceptance;

import dev.tollgate.bank.Bank;
import dev.tollgate.payments.PaymentsConfig;
import dev.tollgate.service.Database;
import dev.tollgate.service.Env;
import dev.tollgate.service.HttpService;
import dev.tollgate.service.ServiceLauncher;
import dev.tollgate.testkit.TestDatabase;
import dev.tollgate.vault.VaultConfig;
import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The whole Tollgate stack in this JVM: the bank sandbox, fraud, the vault and payments, each
 * through its own {@code Main.routing(...)} on a random loopback port, as a deployment wires
 * them: payments' {@code FRAUD_URL} and {@code VAULT_URL} point at the in-process fraud and
 * vault, the vault's {@code BANK_URL} at the in-process bank. Each service's configuration goes
 * through its own parsing of environment-style variables, and each gets a fresh database on the
 * embedded PostgreSQL, migrated by Flyway from {@code migrations/<service>} (as the pipeline
 * migrates environments) and opened with {@link Database#connect}, which checks the schema
 * version the service's code needs, as at a real start.
 */
final class InMemoryStack implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

  private final List<HttpService> started = new ArrayList<>();
  private final List<DataSource> pools = new ArrayList<>();
  private final String verificationToken = randomKey();
  private URI paymentsUrl;

  private InMemoryStack() {}

  /** Starts every service; on any failure stops what already started and rethrows. */
  static InMemoryStack start() {
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
    URI bank = serve("bank-sandbox", dev.tollgate.bank.Main.class,
        app -> dev.tollgate.bank.Main.routing(app, new Bank(Duration.ofMillis(3000))));

    DataSource fraudDb = database("fraud", dev.tollgate.fraud.Main.SCHEMA_VERSION);
    URI fraud = serve("fraud", dev.tollgate.fraud.Main.class,
        app -> dev.tollgate.fraud.Main.routing(app, fraudDb, Duration.ofMinutes(60)));

    DataSource vaultDb = database("vault", schemaVersion(dev.tollgate.vault.Main.class));
    VaultConfig vaultConfig = VaultConfig.from(Env.of(Map.of(
        "VAULT_ENCRYPTION_KEY", randomKey(),
        "BANK_URL", bank.toString())));
    URI vault = serve("vault", dev.tollgate.vault.Main.class,
        app -> dev.tollgate.vault.Main.routing(app, vaultConfig, vaultDb, Clock.systemUTC()));

    DataSource paymentsDb = database("payments", dev.tollgate.payments.Main.SCHEMA_VERSION);
    PaymentsConfig paymentsConfig = PaymentsConfig.from(Env.of(Map.of(
        "FRAUD_URL", fraud.toString(),
        "VAULT_URL", vault.toString(),
        "VERIFICATION_TOKEN", verificationToken)));
    paymentsUrl = serve("payments", dev.tollgate.payments.Main.class,
        app -> dev.tollgate.payments.Main.routing(app, paymentsDb, paymentsConfig));
  }

  /** A fresh migrated database for {@code service}, opened as the service opens its own. */
  private DataSource database(String service, String requiredVersion) {
    TestDatabase db = TestDatabase.migrated(service);
    DataSource pool = Database.connect(Env.of(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres")), requiredVersion);
    pools.add(pool);
    return pool;
  }

  /**
   * The {@code SCHEMA_VERSION} constant of a service's {@code Main}, read reflectively when it is
   * not public (the vault's).
   */
  private static String schemaVersion(Class<?> main) {
    try {
      Field field = main.getDeclaredField("SCHEMA_VERSION");
      field.setAccessible(true);
      return (String) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(main.getName() + " has no readable SCHEMA_VERSION constant", e);
    }
  }

  private URI serve(String name, Class<?> main, Consumer<Javalin> routes) {
    HttpService service = HttpService.create(name, ServiceLauncher.versionOf(main), SHUTDOWN_TIMEOUT, routes);
    started.add(service);
    service.start(HOST, 0);
    return URI.create("http://" + HOST + ":" + service.port());
  }

  /** Base64 of 32 random bytes: an AES-256 key for the vault, or a verification token. */
  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** The payments API's base URL, e.g. {@code http://127.0.0.1:41234}. */
  URI paymentsUrl() {
    return paymentsUrl;
  }

  /** Payments' {@code VERIFICATION_TOKEN}. */
  String verificationToken() {
    return verificationToken;
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
    for (DataSource pool : pools) {
      try {
        ((Closeable) pool).close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    pools.clear();
  }
}
