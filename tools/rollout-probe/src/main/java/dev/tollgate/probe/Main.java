package dev.tollgate.probe;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollout-probe}: steady open-loop load through the public payments URL while a
 * rollout runs, then a check that every debit the API acknowledged is in the database.
 *
 * <pre>
 * rollout-probe --target URL [--rate N] (--duration-seconds N | --until-file PATH) [--max-seconds N]
 *               [--phase-file PATH] [--database-url JDBC [--database-user U]] [--report PATH.json]
 *               [--verification-token T] [--max-in-flight N] [--request-timeout-ms N]
 * </pre>
 *
 * <p>The database password, if any, comes from the environment variable
 * {@code DATABASE_PASSWORD}. Exit status: 0 no request failed and no acknowledged debit is
 * missing; 1 otherwise (or the report could not be written); 2 bad input (an option's value,
 * an unreachable target or database at setup), with a message naming the value.
 */
@Command(
    name = "rollout-probe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Sends steady load (reads, debits with Idempotency-Keys, and a fresh test card per three debits, as its own test marketplace)",
      "through the payments URL during a rollout,",
      "records every response, then checks every acknowledged debit is in the payments database.",
      "Exit 0: nothing failed or lost; 1: something did; 2: bad input."
    })
public final class Main implements Callable<Integer> {
  /** Rates above this are refused as a likely typo. */
  static final int MAX_RATE = 10_000;

  @Spec
  private CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "URL", description = "Base URL of the payments API, e.g. http://127.0.0.1:8080.")
  private String target;

  @Option(names = "--rate", defaultValue = "100", paramLabel = "N", description = "Requests per second, sent on schedule whatever the answers (default: ${DEFAULT-VALUE}).")
  private int rate;

  /** How long to run: exactly one of the two. */
  static final class Length {
    @Option(names = "--duration-seconds", required = true, paramLabel = "N", description = "Send for N seconds.")
    Long durationSeconds;

    @Option(names = "--until-file", required = true, paramLabel = "PATH", description = "Send until this file exists (it must not exist at the start).")
    Path untilFile;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Length length;

  @Option(names = "--max-seconds", defaultValue = "900", paramLabel = "N", description = "Never send for longer than this (default: ${DEFAULT-VALUE}).")
  private long maxSeconds;

  @Option(names = "--phase-file", paramLabel = "PATH",
      description = "File whose content (before, during, after) marks the rollout's phase; each request is tagged with the phase when sent. Without it: steady.")
  private Path phaseFile;

  @Option(names = "--database-url", paramLabel = "JDBC", description = "jdbc:postgresql:// URL of the payments database, to check acknowledged debits (password from DATABASE_PASSWORD).")
  private String databaseUrl;

  @Option(names = "--database-user", paramLabel = "U", description = "User for --database-url.")
  private String databaseUser;

  @Option(names = "--report", paramLabel = "PATH.json", description = "Write the summary and the per-second series here as JSON.")
  private Path report;

  @Option(names = "--verification-token", paramLabel = "T", description = "Delete the test marketplace afterwards with this X-Verification-Token.")
  private String verificationToken;

  @Option(names = "--max-in-flight", defaultValue = "200", paramLabel = "N", description = "Most requests outstanding at once; a request due beyond it fails unsent (default: ${DEFAULT-VALUE}).")
  private int maxInFlight;

  @Option(names = "--request-timeout-ms", defaultValue = "5000", paramLabel = "N", description = "Bound on each HTTP exchange (default: ${DEFAULT-VALUE}).")
  private long requestTimeoutMs;

  private final Consumer<List<String>> beforeCheck;
  private final String databasePassword;

  private Main(Consumer<List<String>> beforeCheck, String databasePassword) {
    this.beforeCheck = beforeCheck;
    this.databasePassword = databasePassword;
  }

  /** Runs the CLI and exits with its status (see the class comment). */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given streams; returns the exit status. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, ids -> {}, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, calling {@code beforeCheck} with the acknowledged debits before checking them. */
  static int run(PrintWriter out, PrintWriter err, Consumer<List<String>> beforeCheck, String... args) {
    CommandLine cli = new CommandLine(new Main(beforeCheck, System.getenv("DATABASE_PASSWORD")));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof BadInputException) {
        commandLine.getErr().println("rollout-probe: " + e.getMessage());
        return CommandLine.ExitCode.USAGE;
      }
      throw e;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws BadInputException {
    return new Probe(settings(), spec.commandLine().getOut(), spec.commandLine().getErr(), beforeCheck).run();
  }

  /** The validated settings; nothing is sent and no file is written before this passes. */
  Settings settings() throws BadInputException {
    URI targetUri = httpUrl(target);
    if (rate < 1 || rate > MAX_RATE) {
      throw new BadInputException("--rate=" + rate + " must be from 1 to " + MAX_RATE + " requests per second");
    }
    if (maxSeconds < 1) {
      throw new BadInputException("--max-seconds=" + maxSeconds + " must be at least 1");
    }
    if (length.durationSeconds != null && (length.durationSeconds < 1 || length.durationSeconds > maxSeconds)) {
      throw new BadInputException("--duration-seconds=" + length.durationSeconds + " must be from 1 to --max-seconds (" + maxSeconds + ")");
    }
    if (length.untilFile != null) {
      requireDirectory("--until-file", length.untilFile);
      if (Files.exists(length.untilFile)) {
        throw new BadInputException("--until-file=" + length.untilFile + " already exists, so the run would stop at once; remove it first");
      }
    }
    if (phaseFile != null) {
      requireDirectory("--phase-file", phaseFile);
    }
    if (report != null) {
      requireDirectory("--report", report);
    }
    if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
      throw new BadInputException("--database-url=" + withoutQuery(databaseUrl) + " is not a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:15432/payments");
    }
    if (databaseUser != null && databaseUrl == null) {
      throw new BadInputException("--database-user=" + databaseUser + " needs --database-url");
    }
    if (maxInFlight < 1) {
      throw new BadInputException("--max-in-flight=" + maxInFlight + " must be at least 1");
    }
    if (requestTimeoutMs < 1) {
      throw new BadInputException("--request-timeout-ms=" + requestTimeoutMs + " must be at least 1");
    }
    if (verificationToken != null && verificationToken.isBlank()) {
      throw new BadInputException("--verification-token must not be blank");
    }
    return new Settings(targetUri, rate, length.durationSeconds, length.untilFile, maxSeconds, phaseFile, databaseUrl, databaseUser, databasePassword, report,
        verificationToken, maxInFlight, Duration.ofMillis(requestTimeoutMs));
  }

  private static URI httpUrl(String value) throws BadInputException {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new BadInputException("--target='" + value + "' is not an http(s) base URL such as http://127.0.0.1:8080");
  }

  private static void requireDirectory(String option, Path file) throws BadInputException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BadInputException(option + "=" + file + ": directory " + parent + " does not exist");
    }
  }

  /** A JDBC URL without its query, which may hold a password, for messages. */
  static String withoutQuery(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }
}
