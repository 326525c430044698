package dev.tollgate.fraud;

import dev.tollgate.service.Database;
import dev.tollgate.service.Env;
import dev.tollgate.service.ServiceLauncher;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The fraud service: scores a card payment's risk before payments charges it, with
 * explainable rules (see {@link RiskRules}), and stores every check.
 *
 * <p>Variables: the common {@code HTTP_*}, {@code SHUTDOWN_*} and {@code DATABASE_*} ones (see
 * {@link ServiceLauncher} and {@link Database}), and {@code FRAUD_VELOCITY_WINDOW_MINUTES}
 * (default 60): how far back checks on the same card count for velocity.
 */
public final class Main {
  /** The service's name, as {@code /health} reports it. */
  public static final String NAME = "fraud";
  /** The Flyway version of {@code migrations/fraud} this code needs. */
  public static final String SCHEMA_VERSION = "1";

  static final int DEFAULT_VELOCITY_WINDOW_MINUTES = 60;

  private Main() {}

  /** Starts the fraud service from the environment; exits 2 on bad configuration, 0 after SIGTERM. */
  public static void main(String[] args) {
    ServiceLauncher.launch(NAME, Main.class, Main::boot);
  }

  /**
   * Reads the configuration, opens the database pool (checking its schema) and builds the routes.
   *
   * @throws Env.ConfigException when a variable is missing or malformed (the message names it)
   * @throws Database.SchemaException when the database is unreachable or not migrated to
   *     {@link #SCHEMA_VERSION}
   */
  static Consumer<Javalin> boot(Env env) {
    Duration window = velocityWindow(env);
    DataSource dataSource = Database.connect(env, SCHEMA_VERSION);
    return app -> routing(app, dataSource, window);
  }

  static Duration velocityWindow(Env env) {
    int minutes = env.intValue("FRAUD_VELOCITY_WINDOW_MINUTES", DEFAULT_VELOCITY_WINDOW_MINUTES);
    if (minutes < 1) {
      throw new Env.ConfigException("FRAUD_VELOCITY_WINDOW_MINUTES='" + minutes + "' must be at least 1");
    }
    return Duration.ofMinutes(minutes);
  }

  /**
   * Registers the fraud API on {@code app}:
   *
   * <ul>
   *   <li>{@code POST /v1/checks} {@code {card_fingerprint, amount, currency, csc_result?}} →
   *       201 the check {@code {id, risk_score, csc_check, reasons, ...}}; 400 with
   *       {@code missing_field}, {@code invalid_amount}, {@code invalid_currency},
   *       {@code invalid_csc_result} or {@code invalid_card_fingerprint} and
   *       {@code details.field}
   *   <li>{@code GET /v1/checks/{id}} → 200 the check; 404 {@code not_found}
   * </ul>
   *
   * @param dataSource the {@code fraud} database, migrated to {@link #SCHEMA_VERSION}
   * @param velocityWindow how far back checks on the same card count for velocity
   */
  public static void routing(Javalin app, DataSource dataSource, Duration velocityWindow) {
    routing(app, new Checks(new JdbiCheckStore(dataSource), new RiskRules(velocityWindow), Clock.systemUTC()));
  }

  static void routing(Javalin app, Checks checks) {
    app.post("/v1/checks", ctx -> ctx.status(201).json(checks.create(CheckRequest.read(ctx.body()))));
    app.get("/v1/checks/{id}", ctx -> ctx.json(checks.get(ctx.pathParam("id"))));
  }
}
