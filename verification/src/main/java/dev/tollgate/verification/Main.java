package dev.tollgate.verification;

import dev.tollgate.service.Env;
import dev.tollgate.service.ServiceLauncher;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The system-verification runner (see README.md).
 *
 * <pre>
 * java -jar verification.jar                          the service: a run every interval, GET /status, GET|POST /runs
 * java -jar verification.jar --once [--junit-xml DIR] one run, JUnit XML, summary; exit 0 passed, 1 failed
 * </pre>
 *
 * <p>Environment: the variables of {@link VerificationConfig} and, for the service, those of
 * {@link ServiceLauncher} ({@code HTTP_HOST}, {@code HTTP_PORT}, …). Exit status 2 for a bad
 * argument or a missing or malformed variable (the message names it).
 */
@Command(name = "verification", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Runs Tollgate's production-safe suites against TARGET_URL: every interval as a service, or once.")
public final class Main implements Callable<Integer> {
  /** The exit status meaning "keep running: the service is up". */
  static final int SERVING = -1;

  @Option(names = "--once", description = "Run the suites once, print a summary and exit: 0 when every suite passed, 1 otherwise.")
  boolean once;

  @Option(names = "--junit-xml", paramLabel = "DIR", description = "With --once: write JUnit XML reports to DIR.")
  Path junitXml;

  @Spec
  CommandSpec spec;

  /** Parses the arguments and runs; exits unless the service is up. */
  public static void main(String[] args) {
    int status = new CommandLine(new Main()).execute(args);
    if (status != SERVING) {
      System.exit(status);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!once) {
      if (junitXml != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--junit-xml needs --once (the service reports through GET /status)");
      }
      ServiceLauncher.launch("verification", Main.class, env -> {
        Monitor monitor = Monitor.of(VerificationConfig.from(env), Clock.systemUTC());
        monitor.start();
        return app -> routing(app, monitor);
      });
      return SERVING;
    }
    VerificationConfig config;
    try {
      config = VerificationConfig.from(Env.system());
    } catch (Env.ConfigException e) {
      spec.commandLine().getErr().println("verification: " + e.getMessage());
      return 2;
    }
    return OneShot.run(config, junitXml, System.out, Clock.systemUTC());
  }

  /**
   * Registers the runner's routes; tests call this with their own {@link Monitor}.
   * <ul>
   *   <li>{@code GET /status}: 200 when the last run passed; 503 when it failed, is stale, or no
   *       run has completed yet; body {@link StatusReport}.
   *   <li>{@code GET /runs}: 200 {@code {keep, runs: [newest first]}}.
   *   <li>{@code POST /runs}: 202 {@code {status: "queued"|"already_queued", message}}; a run starts
   *       as soon as the one in progress ends.
   * </ul>
   */
  public static void routing(Javalin app, Monitor monitor) {
    app.get("/status", ctx -> {
      Monitor.Answer<StatusReport> answer = monitor.status();
      ctx.status(answer.httpStatus()).json(answer.body());
    });
    app.get("/runs", ctx -> ctx.json(monitor.runs()));
    app.post("/runs", ctx -> {
      boolean alreadyQueued = monitor.runQueued();
      monitor.trigger();
      ctx.status(202).json(alreadyQueued
          ? Map.of("status", "already_queued", "message", "a run was already queued; it starts when the run in progress ends")
          : Map.of("status", "queued", "message", "a run starts as soon as no other run is in progress"));
    });
  }

  /** The jar's version for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"verification " + ServiceLauncher.versionOf(Main.class)};
    }
  }
}
