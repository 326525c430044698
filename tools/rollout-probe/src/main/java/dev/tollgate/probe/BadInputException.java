package dev.tollgate.probe;

/** Bad input found before any load was sent: the message names the option and value at fault; exit status 2. */
final class BadInputException extends Exception {
  BadInputException(String message) {
    super(message);
  }
}
