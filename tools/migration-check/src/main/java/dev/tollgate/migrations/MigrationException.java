package dev.tollgate.migrations;

/** A refusal the CLI reports as one message and an exit status (1 refused, 2 bad input). */
final class MigrationException extends RuntimeException {
  private final int exitCode;

  MigrationException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
