package dev.tollgate.coverage;

import static dev.tollgate.coverage.ReportReaderTest.CARDS;
import static dev.tollgate.coverage.ReportReaderTest.DEBITS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jacoco.core.analysis.ICounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The failure email, through a real SMTP server (GreenMail) and as a file. */
class FailureEmailIT {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String COMMIT = "6c9f010aa1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final String REPRO = "./pipeline unit && ./pipeline coverage --scope unit";

  @TempDir
  Path dir;

  private JacocoRun.Measured measured;
  private Path rules;
  private Path report;

  @BeforeEach
  void measure() throws Exception {
    measured = ReportReaderTest.debitsAndCards();
    report = Files.write(dir.resolve("jacoco.xml"), measured.xml());
    // Both fixture packages below their floors: cards far below (lines), debits just below (branches).
    rules = Files.writeString(dir.resolve("coverage-rules.xml"), """
        <coverage-rules>
          <scope name="unit">
            <rule package="dev.tollgate.coverage.fixture.*">
              <limit counter="LINE" minimum="0.95"/>
            </rule>
            <rule package="dev.tollgate.coverage.fixture.debits">
              <limit counter="BRANCH" minimum="1.0"/>
            </rule>
          </scope>
        </coverage-rules>
        """);
  }

  private Map<String, String> smtp() {
    return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()),
        "SMTP_STARTTLS", "false", "MAIL_FROM", "Tollgate <tollgate@example.com>");
  }

  private GateRun gate(Map<String, String> env, String... more) {
    String[] base = {"--rules", rules.toString(), "--scope", "unit", "--report", report.toString(),
        "--commit", COMMIT, "--author-name", "Ada Lovelace", "--author-email", "ada@example.com",
        "--mail-dir", dir.resolve("mail").toString(), "--repro", REPRO};
    return GateRun.of(env, Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
  }

  /** "12.50%" from JaCoCo's counter, by integer arithmetic of its own (truncated). */
  private static String percent(ICounter counter) {
    long basisPoints = counter.getCoveredCount() * 10_000 / counter.getTotalCount();
    return "%d.%02d%%".formatted(basisPoints / 100, basisPoints % 100);
  }

  @Test
  void aFailingGateSendsOneEmailToTheAuthorNamingEveryFailure() throws Exception {
    GateRun run = gate(smtp());

    assertThat(run.status()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("email sent to Ada Lovelace <ada@example.com> through 127.0.0.1:");
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("ada@example.com");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("tollgate@example.com");
    ICounter cardsLines = measured.counter(CARDS, Counter.LINE);
    assertThat(mail.getSubject()).isEqualTo("Coverage gate failed: " + CARDS + " " + percent(cardsLines) + " < 95.00%");

    String body = GreenMailUtil.getBody(mail).replace("\r\n", "\n");
    assertThat(body).contains("  " + CARDS + "\n    lines: actual " + percent(cardsLines) + " ("
        + cardsLines.getCoveredCount() + "/" + cardsLines.getTotalCount() + "), required 95.00%, delta n/a\n");
    ICounter debitsBranches = measured.counter(DEBITS, Counter.BRANCH);
    assertThat(body).contains("  " + DEBITS + "\n    branches: actual " + percent(debitsBranches) + " ("
        + debitsBranches.getCoveredCount() + "/" + debitsBranches.getTotalCount() + "), required 100.00%, delta n/a\n");
    assertThat(body).contains("commit 6c9f010aa1b2 (" + COMMIT + ")");
    assertThat(body).contains("To reproduce locally:\n\n    " + REPRO + "\n");
    assertThat(dir.resolve("mail")).doesNotExist();
  }

  @Test
  void theEmailCarriesTheDeltaAgainstTheLastPassingRun() throws Exception {
    Path baselines = dir.resolve("baselines");
    // An earlier, better-covered build of cards passed on this branch.
    JacocoRun earlier = JacocoRun.of(ReportReaderTest.DEBIT_LIMITS, ReportReaderTest.CARD_CHECKS);
    earlier.call(ReportReaderTest.CARD_CHECKS, "lastFour", "4242424242424242");
    earlier.call(ReportReaderTest.CARD_CHECKS, "luhn", "4242424242424242");
    JacocoRun.Measured before = earlier.finish("fixture");
    Path earlierReport = Files.write(dir.resolve("earlier.xml"), before.xml());
    Path lenient = Files.writeString(dir.resolve("lenient.xml"), """
        <coverage-rules><scope name="unit"><rule package="*"><limit counter="LINE" minimum="0"/></rule></scope></coverage-rules>
        """);
    assertThat(GateRun.of("--rules", lenient.toString(), "--scope", "unit", "--report", earlierReport.toString(),
        "--baseline-dir", baselines.toString(), "--branch", "release").status()).isZero();

    GateRun run = gate(smtp(), "--baseline-dir", baselines.toString(), "--branch", "release");

    assertThat(run.status()).isEqualTo(1);
    Tally then = before.tally(CARDS, Counter.LINE);
    Tally now = measured.tally(CARDS, Counter.LINE);
    long drop = (then.covered() * now.total() - now.covered() * then.total()) * 10_000 / (now.total() * then.total());
    assertThat(drop).isPositive();
    String body = GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("\r\n", "\n");
    assertThat(body).contains("required 95.00%%, delta -%d.%02d points\n".formatted(drop / 100, drop % 100));
  }

  @Test
  void withoutSmtpHostTheEmailIsWrittenAsAFileThatParsesBack() throws Exception {
    GateRun run = gate(Map.of());

    assertThat(run.status()).isEqualTo(1);
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir.resolve("mail"))) {
      files = listing.toList();
    }
    assertThat(files).singleElement().satisfies(f ->
        assertThat(f.getFileName().toString()).isEqualTo("coverage-unit-20261121T050301Z-6c9f010.eml"));
    assertThat(run.out()).contains("email to Ada Lovelace <ada@example.com> written to " + files.get(0)
        + " (SMTP_HOST is not set)");
    MimeMessage parsed;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      parsed = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(parsed.getSubject()).isEqualTo(
        "Coverage gate failed: " + CARDS + " " + percent(measured.counter(CARDS, Counter.LINE)) + " < 95.00%");
    assertThat(((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getAddress())
        .isEqualTo("ada@example.com");
    assertThat(((InternetAddress) parsed.getFrom()[0]).getAddress()).isEqualTo("coverage-gate@localhost");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aPassingGateSendsNoEmailAndSaysWhy() throws Exception {
    Path lenient = Files.writeString(dir.resolve("lenient.xml"), """
        <coverage-rules><scope name="unit"><rule package="*"><limit counter="LINE" minimum="0.01"/></rule></scope></coverage-rules>
        """);
    GateRun run = GateRun.of(smtp(), "--rules", lenient.toString(), "--scope", "unit", "--report", report.toString(),
        "--author-email", "ada@example.com", "--mail-dir", dir.resolve("mail").toString());

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("No email sent: the gate passed.");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(dir.resolve("mail")).doesNotExist();
  }

  @Test
  void anUnreachableSmtpServerStillLeavesTheEmailAsAFile() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GateRun run = gate(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(closedPort)));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("could not be sent through 127.0.0.1:" + closedPort).contains(".eml instead");
    assertThat(dir.resolve("mail")).isDirectoryContaining("glob:**.eml");
  }
}
