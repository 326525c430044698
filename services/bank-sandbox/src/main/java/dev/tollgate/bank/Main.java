package dev.tollgate.bank;

import dev.tollgate.service.Env;
import dev.tollgate.service.ServiceLauncher;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The bank sandbox: the acquiring bank's test environment, standing in for an external
 * partner. State lives in memory and is lost on restart; there is no database.
 *
 * <p>Variables: the common {@code HTTP_*} and {@code SHUTDOWN_*} ones (see
 * {@link ServiceLauncher}; deployments set {@code HTTP_PORT=8090}), and
 * {@code BANK_SLOW_RESPONSE_MS} (default 3000): how long the slow test card's authorizations
 * take to answer.
 */
public final class Main {
  /** The service's name, as {@code /health} reports it. */
  public static final String NAME = "bank-sandbox";

  static final int DEFAULT_SLOW_RESPONSE_MS = 3000;

  private Main() {}

  /** Starts the bank sandbox from the environment; exits 2 on bad configuration, 0 after SIGTERM. */
  public static void main(String[] args) {
    ServiceLauncher.launch(NAME, Main.class, Main::boot);
  }

  /**
   * Reads the configuration and builds the routes.
   *
   * @throws Env.ConfigException when {@code BANK_SLOW_RESPONSE_MS} is not a non-negative integer
   */
  static Consumer<Javalin> boot(Env env) {
    int slowMillis = env.intValue("BANK_SLOW_RESPONSE_MS", DEFAULT_SLOW_RESPONSE_MS);
    if (slowMillis < 0) {
      throw new Env.ConfigException("BANK_SLOW_RESPONSE_MS='" + slowMillis + "' must not be negative");
    }
    Bank bank = new Bank(Duration.ofMillis(slowMillis));
    return app -> routing(app, bank);
  }

  /**
   * Registers the bank's API on {@code app}:
   *
   * <ul>
   *   <li>{@code POST /v1/verifications} → 200 {@code {csc_result}}
   *   <li>{@code POST /v1/authorizations} (header {@code Idempotency-Key} required) → 201 the
   *       authorization
   *   <li>{@code GET /v1/authorizations/{id}} → 200 the authorization
   *   <li>{@code POST /v1/authorizations/{id}/capture} → 200 the authorization, captured
   *   <li>{@code POST /v1/authorizations/{id}/refunds} → 201 the refund
   * </ul>
   *
   * Errors are {@code {"code","message","details"?}} JSON (see the service's README.md).
   */
  public static void routing(Javalin app, Bank bank) {
    app.post("/v1/verifications", ctx -> ctx.json(bank.verify(Requests.body(ctx, VerificationRequest.class))));
    app.post("/v1/authorizations", ctx -> {
      String key = ctx.header("Idempotency-Key");
      ctx.status(201).json(bank.authorize(key, Requests.body(ctx, AuthorizationRequest.class)));
    });
    app.get("/v1/authorizations/{id}", ctx -> ctx.json(bank.authorization(ctx.pathParam("id"))));
    app.post("/v1/authorizations/{id}/capture", ctx -> ctx.json(bank.capture(ctx.pathParam("id"))));
    app.post("/v1/authorizations/{id}/refunds",
        ctx -> ctx.status(201).json(bank.refund(ctx.pathParam("id"), Requests.body(ctx, RefundRequest.class))));
  }
}
