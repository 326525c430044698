package dev.tollgate.migrations;

import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Validates, then applies the pending migrations one by one, printing each with its duration
 * in milliseconds. Every session gets PostgreSQL's {@code lock_timeout} and
 * {@code statement_timeout}, so a migration that would block production behind a lock, or run
 * for ever, fails instead. A failed migration names its file and PostgreSQL's error; Flyway
 * runs each migration in its own transaction, so nothing of it remains.
 */
@Command(name = "migrate", description = "Validate, then apply pending migrations with timeouts.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin Target target;
  @Spec CommandSpec spec;

  @Option(names = "--lock-timeout-ms", defaultValue = "5000", description = "PostgreSQL lock_timeout per statement (ms); default ${DEFAULT-VALUE}.")
  long lockTimeoutMs;

  @Option(names = "--statement-timeout-ms", defaultValue = "600000", description = "PostgreSQL statement_timeout (ms); default ${DEFAULT-VALUE}.")
  long statementTimeoutMs;

  @Override
  public Integer call() {
    if (lockTimeoutMs <= 0 || statementTimeoutMs <= 0) {
      throw new MigrationException(2, "timeouts must be positive (got --lock-timeout-ms " + lockTimeoutMs + ", --statement-timeout-ms " + statementTimeoutMs + ")");
    }
    String initSql = "set lock_timeout = " + lockTimeoutMs + "; set statement_timeout = " + statementTimeoutMs;
    MigrateResult result;
    try {
      result = target.flyway().initSql(initSql).load().migrate();
    } catch (FlywayException e) {
      throw new MigrationException(1, "migration of " + target.url + " failed: " + e.getMessage());
    }
    var out = spec.commandLine().getOut();
    result.migrations.forEach(m -> out.printf("  V%s %-50s %6d ms%n", m.version, m.filepath.replaceAll(".*/", ""), m.executionTime));
    out.printf("migrated %s from %s to %s (%d applied)%n", target.url, result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion, result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion, result.migrationsExecuted);
    return 0;
  }
}
