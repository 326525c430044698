package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  @Test
  void withoutSmtpHostTheEmailIsWrittenToAFileFromTheDefaultSender() {
    MailSettings settings = MailSettings.from(Map.of());
    assertThat(settings.smtp()).isFalse();
    assertThat(settings.from().getAddress()).isEqualTo("coverage-gate@localhost");
    assertThat(settings.properties()).isEmpty();
  }

  @Test
  void everyVariableReachesTheSmtpSession() {
    MailSettings settings = MailSettings.from(Map.of(
        "SMTP_HOST", "smtp.example.com", "SMTP_PORT", "2525", "SMTP_STARTTLS", "on",
        "SMTP_USER", "ci", "SMTP_PASSWORD", "s3cret", "MAIL_FROM", "Tollgate <tollgate@example.com>"));
    Properties properties = settings.properties();
    assertThat(properties).containsEntry("mail.smtp.host", "smtp.example.com")
        .containsEntry("mail.smtp.port", "2525")
        .containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true");
    assertThat(settings.user()).isEqualTo("ci");
    assertThat(settings.password()).isEqualTo("s3cret");
    assertThat(settings.from().getAddress()).isEqualTo("tollgate@example.com");
    assertThat(settings.from().getPersonal()).isEqualTo("Tollgate");
    assertThat(settings.describe()).isEqualTo("smtp.example.com:2525 (STARTTLS, user ci)").doesNotContain("s3cret");
    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  @Test
  void theDefaultPortFollowsStarttls() {
    assertThat(MailSettings.from(Map.of("SMTP_HOST", "h")).port()).isEqualTo(25);
    assertThat(MailSettings.from(Map.of("SMTP_HOST", "h", "SMTP_STARTTLS", "true")).port()).isEqualTo(587);
    Properties plain = MailSettings.from(Map.of("SMTP_HOST", "h", "SMTP_STARTTLS", "off")).properties();
    assertThat(plain).containsEntry("mail.smtp.starttls.enable", "false").containsEntry("mail.smtp.auth", "false");
  }

  @Test
  void malformedValuesAreRefusedNamingTheVariable() {
    assertThatThrownBy(() -> MailSettings.from(Map.of("SMTP_PORT", "smtp")))
        .isInstanceOf(GateException.class).hasMessage("SMTP_PORT 'smtp' is not a port number (1-65535)");
    assertThatThrownBy(() -> MailSettings.from(Map.of("SMTP_PORT", "70000")))
        .isInstanceOf(GateException.class).hasMessageStartingWith("SMTP_PORT '70000'");
    assertThatThrownBy(() -> MailSettings.from(Map.of("SMTP_STARTTLS", "maybe")))
        .isInstanceOf(GateException.class).hasMessageStartingWith("SMTP_STARTTLS 'maybe' is not true or false");
    assertThatThrownBy(() -> MailSettings.from(Map.of("SMTP_PASSWORD", "x")))
        .isInstanceOf(GateException.class).hasMessageStartingWith("SMTP_PASSWORD is set but SMTP_USER is not");
    assertThatThrownBy(() -> MailSettings.from(Map.of("MAIL_FROM", "not an address")))
        .isInstanceOf(GateException.class).hasMessageStartingWith("MAIL_FROM 'not an address'");
  }
}
