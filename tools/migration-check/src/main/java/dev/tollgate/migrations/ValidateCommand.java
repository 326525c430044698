package dev.tollgate.migrations;

import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.ValidateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Checks a database's applied history against the repository's migrations: a migration that
 * was applied and then edited (checksum differs), or applied and then deleted, is refused,
 * naming it. Pending migrations are fine: migrating them is the next step.
 */
@Command(name = "validate", description = "Validate the applied history against the repository.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin Target target;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ValidateResult result = target.flyway().ignoreMigrationPatterns("*:pending").load().validateWithResult();
    if (!result.validationSuccessful) {
      StringBuilder message = new StringBuilder("applied history of " + target.url + " does not match " + target.locations + ":");
      result.invalidMigrations.forEach(m -> message.append("\n  ").append(m.filepath == null || m.filepath.isEmpty() ? "V" + m.version : m.filepath).append(": ").append(m.errorDetails.errorMessage));
      throw new MigrationException(1, message.toString());
    }
    var info = target.flyway().load().info();
    spec.commandLine().getOut().printf("validated %s against %s: %d applied migrations match, %d pending%n", target.url, target.locations, info.applied().length, info.pending().length);
    return 0;
  }
}
