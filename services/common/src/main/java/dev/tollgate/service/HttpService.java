package dev.tollgate.service;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's HTTP server and lifecycle, the same for every Tollgate service.
 *
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"service", "version", "status": "UP"}} once started;
 *       503 with {@code "status": "STARTING"} or {@code "DRAINING"} otherwise, so a load
 *       balancer's health check takes the instance out before it stops.
 *   <li>Errors: every {@link ApiError} and every Javalin HTTP error becomes
 *       {@code {"code", "message"}} JSON; a body that is not JSON, or has a field of the
 *       wrong type, is a 400 {@code invalid_json} naming the field; anything else is a 500 with code
 *       {@code internal_error} and no stack trace (the trace goes to the log only).
 *   <li>Every request is logged as one structured line: method, path, status, duration_ms.
 *       Bodies are never logged (they may hold card numbers).
 *   <li>{@link #drainAndStop()}: health turns 503, Jetty stops accepting, responses go out
 *       with {@code Connection: close}, in-flight requests get up to the shutdown timeout.
 * </ul>
 */
public final class HttpService {
  private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

  /** Lifecycle states reported by {@code /health}. */
  public enum State {
    STARTING,
    UP,
    DRAINING,
    STOPPED
  }

  private final String name;
  private final String version;
  private final Javalin app;
  private volatile State state = State.STARTING;

  private HttpService(String name, String version, Duration shutdownTimeout, Consumer<Javalin> routes) {
    this.name = name;
    this.version = version;
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              config.jetty.modifyServer(server -> server.setStopTimeout(shutdownTimeout.toMillis()));
              config.requestLogger.http(this::logRequest);
            });
    app.get("/health", this::health);
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.details()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage(), Map.of()));
    app.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, 400, "invalid_json", invalidJson(e), Map.of()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error {} {}", kv("method", ctx.method().name()), kv("path", ctx.path()), e);
      error(ctx, 500, "internal_error", "internal error", Map.of());
    });
    app.error(404, ctx -> {
      if (ctx.result() == null) {
        error(ctx, 404, "not_found", "no route for " + ctx.method().name() + " " + ctx.path(), Map.of());
      }
    });
    app.error(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.method().name() + " is not allowed on " + ctx.path(), Map.of()));
    routes.accept(app);
  }

  /**
   * A service named {@code name} (as reported by {@code /health}) at {@code version}, whose
   * routes are registered by {@code routes}. Not started.
   *
   * @param shutdownTimeout how long in-flight requests may run after a stop begins
   */
  public static HttpService create(String name, String version, Duration shutdownTimeout, Consumer<Javalin> routes) {
    return new HttpService(name, version, shutdownTimeout, routes);
  }

  /** Starts listening on {@code host:port} (port 0 picks a free port) and reports UP. */
  public HttpService start(String host, int port) {
    app.start(host, port);
    state = State.UP;
    LOG.info("service started {} {} {} {}", kv("service", name), kv("version", version), kv("host", host), kv("port", port()));
    return this;
  }

  /** The port actually bound. */
  public int port() {
    return app.port();
  }

  /** The current lifecycle state. */
  public State state() {
    return state;
  }

  /**
   * Graceful shutdown: reports DRAINING on {@code /health}, waits {@code drainDelay} so load
   * balancers notice, then stops Jetty, letting in-flight requests finish within the
   * shutdown timeout. Idempotent.
   */
  public synchronized void drainAndStop(Duration drainDelay) {
    if (state == State.STOPPED) {
      return;
    }
    state = State.DRAINING;
    LOG.info("service draining {} {}", kv("service", name), kv("drain_delay_ms", drainDelay.toMillis()));
    sleep(drainDelay);
    try {
      app.stop();
    } catch (RuntimeException e) {
      // Jetty gives up on requests still running after the shutdown timeout; the service
      // stops all the same, so this is logged, not thrown.
      LOG.warn("service stopped with requests still in flight {} {}", kv("service", name), kv("error", String.valueOf(e.getMessage())));
    }
    state = State.STOPPED;
    LOG.info("service stopped {}", kv("service", name));
  }

  /** {@link #drainAndStop(Duration)} with no drain delay (tests, and in-process stacks). */
  public void drainAndStop() {
    drainAndStop(Duration.ZERO);
  }

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", name);
    body.put("version", version);
    body.put("status", state.name());
    ctx.status(state == State.UP ? 200 : 503).json(body);
  }

  private void logRequest(Context ctx, Float millis) {
    if (!ctx.path().equals("/health")) {
      LOG.info("request {} {} {} {}", kv("method", ctx.method().name()), kv("path", ctx.path()), kv("status", ctx.statusCode()), kv("duration_ms", Math.round(millis)));
    }
  }

  private static void error(Context ctx, int status, String code, String message, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    if (!details.isEmpty()) {
      body.put("details", details);
    }
    ctx.status(status).json(body);
  }

  /** Names the field at fault without echoing the body (it may hold a card number). */
  private static String invalidJson(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return "request body field '" + field + "' has the wrong type";
    }
    return "request body is not valid JSON";
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 415 -> "unsupported_media_type";
      default -> status >= 500 ? "internal_error" : "http_" + status;
    };
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
