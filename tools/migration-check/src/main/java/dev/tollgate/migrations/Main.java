package dev.tollgate.migrations;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code migration-check}: the pipeline's only way to change a database schema.
 *
 * <pre>
 * migration-check validate --url JDBC_URL [--user U] --locations DIR [--history-table T]
 * migration-check migrate  --url JDBC_URL [--user U] --locations DIR [--history-table T] [--lock-timeout-ms N] [--statement-timeout-ms N]
 * </pre>
 *
 * <p>Exit status: 0 done, 1 the database refused (a failed migration, a validation error),
 * 2 bad input (unreachable database, missing directory, bad option).
 */
@Command(
    name = "migration-check",
    mixinStandardHelpOptions = true,
    description = "Validates and applies a service's Flyway migrations.",
    subcommands = {MigrateCommand.class, ValidateCommand.class})
public final class Main {
  /** Flyway logs through java.util.logging here; keep its INFO chatter out of our output. */
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

  private Main() {}

  public static void main(String[] args) {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given streams; returns the exit status. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof MigrationException m) {
        commandLine.getErr().println("migration-check: " + m.getMessage());
        return m.exitCode();
      }
      throw e;
    });
    return cli.execute(args);
  }
}
