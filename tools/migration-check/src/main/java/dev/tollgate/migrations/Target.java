package dev.tollgate.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import picocli.CommandLine.Option;

/** The options every subcommand shares: which database, and which migrations. */
final class Target {
  @Option(names = "--url", required = true, description = "JDBC URL of the service's database.")
  String url;

  @Option(names = "--user", description = "Database user.")
  String user;

  @Option(names = "--password-env", description = "Name of the environment variable holding the password.")
  String passwordEnv;

  @Option(names = "--locations", required = true, description = "The service's migrations directory, e.g. migrations/payments.")
  Path locations;

  @Option(names = "--history-table", defaultValue = "flyway_schema_history",
      description = "Flyway's history table; default ${DEFAULT-VALUE}. The masked mirror keeps its own, beside the history it replicates from production.")
  String historyTable;

  /**
   * A Flyway configuration for this target after checking that the directory exists and the
   * database answers.
   *
   * @throws MigrationException (exit 2) naming the directory, the history table or the URL at fault
   */
  FluentConfiguration flyway() {
    if (!historyTable.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new MigrationException(2, "--history-table '" + historyTable + "' is not a lower-case SQL name (letters, digits, _)");
    }
    if (!Files.isDirectory(locations)) {
      throw new MigrationException(2, "migrations directory " + locations + " does not exist");
    }
    String password = passwordEnv == null ? null : System.getenv(passwordEnv);
    try (Connection ignored = DriverManager.getConnection(url, user, password)) {
      // reachable
    } catch (SQLException e) {
      throw new MigrationException(2, "cannot connect to " + url + ": " + e.getMessage());
    }
    return Flyway.configure()
        .dataSource(url, user, password)
        .locations("filesystem:" + locations.toAbsolutePath())
        .table(historyTable)
        .validateMigrationNaming(true)
        .cleanDisabled(true);
  }
}
