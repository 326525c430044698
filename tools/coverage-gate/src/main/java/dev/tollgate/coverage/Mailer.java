package dev.tollgate.coverage;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Delivers the failure email: over SMTP when {@code SMTP_HOST} is set, otherwise as an RFC 822
 * file ({@code .eml}) under the mail directory. The same code runs on Jenkins and locally.
 */
final class Mailer {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final MailSettings settings;
  private final Path mailDir;

  Mailer(MailSettings settings, Path mailDir) {
    this.settings = settings;
    this.mailDir = mailDir;
  }

  /** The message, ready to send or write: from MAIL_FROM to {@code to}, plain UTF-8 text. */
  MimeMessage message(InternetAddress to, FailureMail mail, String commit, Instant sent) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(settings.properties()));
    message.setFrom(settings.from());
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.body(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(sent));
    if (commit != null) {
      message.setHeader("X-Tollgate-Commit", commit);
    }
    message.saveChanges();
    return message;
  }

  /**
   * Sends {@code message}, or writes it when no SMTP host is configured or sending fails.
   *
   * @return a sentence saying what happened, for the gate's output
   * @throws IOException when the file cannot be written either
   */
  String deliver(MimeMessage message, String scope, String commit, Instant sent) throws IOException {
    String to = recipients(message);
    if (settings.smtp()) {
      try {
        if (settings.user() == null) {
          Transport.send(message);
        } else {
          Transport.send(message, settings.user(), settings.password() == null ? "" : settings.password());
        }
        return "email sent to " + to + " through " + settings.describe();
      } catch (MessagingException e) {
        Path file = write(message, scope, commit, sent);
        return "email to " + to + " could not be sent through " + settings.describe() + " (" + e.getMessage()
            + "); written to " + file + " instead";
      }
    }
    Path file = write(message, scope, commit, sent);
    return "email to " + to + " written to " + file + " (SMTP_HOST is not set)";
  }

  /** Writes the message under the mail directory as {@code coverage-<scope>-<time>-<commit>.eml}. */
  Path write(MimeMessage message, String scope, String commit, Instant sent) throws IOException {
    Files.createDirectories(mailDir);
    String stem = "coverage-" + scope + "-" + FILE_TIME.format(sent)
        + (commit == null || commit.isBlank() ? "" : "-" + commit.substring(0, Math.min(7, commit.length())));
    stem = stem.replaceAll("[^A-Za-z0-9._-]", "_");
    for (int attempt = 1; ; attempt++) {
      Path file = mailDir.resolve(stem + (attempt == 1 ? "" : "-" + attempt) + ".eml");
      try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW)) {
        message.writeTo(out);
        return file;
      } catch (FileAlreadyExistsException e) {
        // another run in the same second: try the next name
      } catch (MessagingException e) {
        throw new IOException("cannot write the email: " + e.getMessage(), e);
      }
    }
  }

  private static String recipients(MimeMessage message) {
    try {
      return InternetAddress.toString(message.getRecipients(Message.RecipientType.TO));
    } catch (MessagingException e) {
      return "(unknown recipient)";
    }
  }
}
