package dev.tollgate.coverage;

/**
 * Bad input: the gate cannot judge coverage (a missing or unreadable report, a report that is
 * not JaCoCo XML, an invalid rules file, an unknown scope, a rule matching no package, bad mail
 * settings). The CLI prints the message and exits with status 2; nothing is written.
 *
 * <p>The message names the file, line and value at fault; it may span several lines (one per
 * problem, each {@code file:line:column: message}).
 */
final class GateException extends RuntimeException {
  GateException(String message) {
    super(message);
  }

  GateException(String message, Throwable cause) {
    super(message, cause);
  }
}
