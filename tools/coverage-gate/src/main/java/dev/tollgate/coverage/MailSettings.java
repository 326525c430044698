package dev.tollgate.coverage;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How the failure email leaves: SMTP settings from the environment, read once.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>SMTP_HOST</td><td>SMTP server; unset or empty: the email is written as a file instead</td></tr>
 *   <tr><td>SMTP_PORT</td><td>1-65535; default 587 with STARTTLS, else 25</td></tr>
 *   <tr><td>SMTP_STARTTLS</td><td>true/false (also on/off, yes/no); default false. When true the
 *       connection must be upgraded with STARTTLS or nothing is sent</td></tr>
 *   <tr><td>SMTP_USER, SMTP_PASSWORD</td><td>SMTP AUTH credentials; none means no AUTH</td></tr>
 *   <tr><td>MAIL_FROM</td><td>the sender, e.g. {@code Tollgate <tollgate@example.com>}; default
 *       {@code coverage-gate@localhost}</td></tr>
 * </table>
 *
 * @param host the SMTP host, or null to write files
 */
record MailSettings(String host, int port, boolean startTls, String user, String password, InternetAddress from) {
  static final String DEFAULT_FROM = "coverage-gate@localhost";
  /** Connect, read and write timeouts for SMTP, in milliseconds. */
  static final int TIMEOUT_MILLIS = 30_000;

  /**
   * Reads the settings from {@code env}.
   *
   * @throws GateException naming the variable when a value is malformed
   */
  static MailSettings from(Map<String, String> env) {
    String host = blankToNull(env.get("SMTP_HOST"));
    boolean startTls = flag(env, "SMTP_STARTTLS");
    int port = startTls ? 587 : 25;
    String portText = blankToNull(env.get("SMTP_PORT"));
    if (portText != null) {
      try {
        port = Integer.parseInt(portText.trim());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new GateException("SMTP_PORT '" + portText + "' is not a port number (1-65535)");
      }
    }
    String user = blankToNull(env.get("SMTP_USER"));
    String password = env.get("SMTP_PASSWORD");
    if (user == null && blankToNull(password) != null) {
      throw new GateException("SMTP_PASSWORD is set but SMTP_USER is not; set both for SMTP AUTH, or neither");
    }
    String fromText = blankToNull(env.get("MAIL_FROM"));
    InternetAddress from;
    try {
      from = new InternetAddress(fromText == null ? DEFAULT_FROM : fromText, true);
    } catch (AddressException e) {
      throw new GateException("MAIL_FROM '" + fromText + "' is not an email address: " + e.getMessage(), e);
    }
    return new MailSettings(host, port, startTls, user, user == null ? null : password, from);
  }

  /** True when an SMTP host is configured; false means the email is written to a file. */
  boolean smtp() {
    return host != null;
  }

  /** The jakarta.mail session properties for these settings. */
  Properties properties() {
    Properties properties = new Properties();
    if (host == null) {
      return properties;
    }
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.auth", String.valueOf(user != null));
    properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
    properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
    properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
    properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
    return properties;
  }

  /** "smtp.example.com:587 (STARTTLS, user ci)", for messages; never shows the password. */
  String describe() {
    return host + ":" + port + (startTls ? " (STARTTLS" : " (no TLS") + (user == null ? ")" : ", user " + user + ")");
  }

  private static boolean flag(Map<String, String> env, String name) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new GateException(name + " '" + value + "' is not true or false (also accepted: on/off, yes/no)");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "MailSettings[" + (host == null ? "write files" : describe()) + ", from " + from + "]";
  }
}
