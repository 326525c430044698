package dev.tollgate.verification;

import java.util.regex.Pattern;

/**
 * Keeps card numbers out of what the runner reports: a failure message may quote a request or
 * an answer, and it goes to logs, {@code /status} and the alert webhook. Every run of 12 to 19
 * digits (the length of a card number) becomes {@value #REPLACEMENT}.
 */
final class Redaction {
  static final String REPLACEMENT = "[redacted digits]";
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{12,19}(?!\\d)");
  /** Stack frames that AssertJ quotes in a message ("at x.y(Z.java:1)", "...(83 remaining lines ...)"). */
  private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s*(at \\S+\\(.*\\)|\\.\\.\\.\\(\\d+ remaining lines.*)\\R?");
  private static final int MAX_LENGTH = 2000;

  private Redaction() {}

  /**
   * {@code text} with digit runs redacted, quoted stack frames removed, cut to 2,000
   * characters; null stays null.
   */
  static String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = DIGIT_RUN.matcher(STACK_LINE.matcher(text).replaceAll("")).replaceAll(REPLACEMENT).strip();
    return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH) + "...";
  }

  /** A failure's message for the report: the assertion's text, or the exception's class and message. */
  static String describe(Throwable failure) {
    if (failure == null) {
      return null;
    }
    String text = failure instanceof AssertionError && failure.getMessage() != null ? failure.getMessage().strip() : failure.toString();
    return redact(text);
  }
}
