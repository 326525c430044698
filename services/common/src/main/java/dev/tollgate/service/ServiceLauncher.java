package dev.tollgate.service;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * What every service's {@code main} does: read the environment, build the routes, listen,
 * and stop gracefully on SIGTERM or SIGINT with exit status 0.
 *
 * <p>Common variables: {@code HTTP_HOST} (default 127.0.0.1), {@code HTTP_PORT} (default
 * 9000), {@code SHUTDOWN_TIMEOUT_SECONDS} (in-flight requests' bound, default 10),
 * {@code DRAIN_DELAY_SECONDS} (how long {@code /health} reports DRAINING before the
 * listener closes, default 0: the rollout drains in HAProxy before it stops a service).
 *
 * <p>Exit status: 0 after a graceful stop, 2 for bad configuration or a database schema
 * older than the code needs (the message names the variable or the versions), 1 for any
 * other startup failure.
 */
public final class ServiceLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  /** Builds a service's routes from its environment; may open pools and check schemas. */
  @FunctionalInterface
  public interface Boot {
    Consumer<Javalin> routes(Env env) throws Exception;
  }

  private ServiceLauncher() {}

  /**
   * Starts the service {@code name} whose code lives beside {@code mainClass} (its jar's
   * {@code Implementation-Version} is the version {@code /health} reports) and returns once
   * it listens; the JVM exits after a signal-triggered graceful stop.
   */
  public static HttpService launch(String name, Class<?> mainClass, Boot boot) {
    Env env = Env.system();
    try {
      HttpService service = HttpService.create(name, versionOf(mainClass), env.seconds("SHUTDOWN_TIMEOUT_SECONDS", Duration.ofSeconds(10)), boot.routes(env));
      service.start(env.get("HTTP_HOST", "127.0.0.1"), env.intValue("HTTP_PORT", 9000));
      Duration drainDelay = env.seconds("DRAIN_DELAY_SECONDS", Duration.ZERO);
      Runnable stop = () -> {
        try {
          service.drainAndStop(drainDelay);
        } finally {
          System.exit(0);
        }
      };
      Signal.handle(new Signal("TERM"), signal -> new Thread(stop, "graceful-stop").start());
      Signal.handle(new Signal("INT"), signal -> new Thread(stop, "graceful-stop").start());
      return service;
    } catch (Env.ConfigException | Database.SchemaException e) {
      return fail(name, e.getMessage(), 2, null);
    } catch (Exception e) {
      return fail(name, "failed to start: " + e.getMessage(), 1, e);
    }
  }

  /**
   * The version recorded in the jar that holds {@code mainClass}, or {@code "dev"} when run
   * from classes (tests, IDE).
   */
  public static String versionOf(Class<?> mainClass) {
    String version = mainClass.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static HttpService fail(String name, String message, int status, Exception cause) {
    LOG.error("{} {}", name, message, cause);
    System.err.println(name + ": " + message);
    System.exit(status);
    return null;
  }
}
