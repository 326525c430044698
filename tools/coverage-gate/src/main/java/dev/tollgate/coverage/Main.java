package dev.tollgate.coverage;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * {@code coverage-gate}: the Coverage Gate of Tollgate's release pipeline.
 *
 * <pre>
 * coverage-gate --rules coverage-rules.xml --scope unit --report a.xml [--report b.xml …]
 *     [--verdict out.json] [--baseline-dir DIR --branch NAME]
 *     [--commit SHA --author-name N --author-email E] [--mail-dir var/mail] [--repro "command"]
 * </pre>
 *
 * <p>Judges every package of the JaCoCo XML report(s) (summed per package across reports) by
 * the most specific rule of the scope, prints a table of every package on every run, writes the
 * JSON verdict, keeps the branch's last passing run as the baseline for deltas, and emails the
 * commit's author when a package is below its floor (SMTP settings from the environment: see
 * {@link MailSettings}).
 *
 * <p>Exit status: 0 every package at or above its floor; 1 at least one below; 2 bad input (a
 * missing or unreadable report, a report that is not JaCoCo XML, an invalid rules file, an
 * unknown scope, a rule that matches no package, bad options or mail settings), with a message
 * naming what is wrong and nothing written; 3 an unexpected error in the gate itself.
 */
@Command(
    name = "coverage-gate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = "Per-package JaCoCo coverage floors: the most specific rule wins; prints every package; "
        + "emails the committer on failure.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:every package at or above its floor",
        "1:a package is below its floor",
        "2:bad input (report, rules, scope, options, mail settings)",
        "3:unexpected error in the gate itself"})
public final class Main implements Callable<Integer> {
  /** Exit status when every package is at or above its floor. */
  public static final int PASSED = 0;
  /** Exit status when at least one package is below its floor. */
  public static final int BELOW_FLOOR = 1;
  /** Exit status for bad input: nothing was judged and nothing written. */
  public static final int BAD_INPUT = 2;
  /** Exit status for an unexpected error in the gate itself. */
  public static final int INTERNAL_ERROR = 3;

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "The rules file (coverage-rules.xml).")
  Path rules;

  @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "Which rules apply: unit, acceptance, ….")
  String scope;

  @Option(names = "--report", required = true, paramLabel = "FILE",
      description = "A JaCoCo XML report; repeat for several (counters of the same package add up).")
  List<Path> reports = new ArrayList<>();

  @Option(names = "--verdict", paramLabel = "FILE", description = "Write the JSON verdict here.")
  Path verdict;

  @Option(names = "--baseline-dir", paramLabel = "DIR",
      description = "Where each branch's last passing verdict is kept (DIR/<branch>.json) for deltas.")
  Path baselineDir;

  @Option(names = "--branch", paramLabel = "NAME", description = "The branch being built (needed with --baseline-dir).")
  String branch;

  @Option(names = "--commit", paramLabel = "SHA", description = "The commit being built.")
  String commit;

  @Option(names = "--author-name", paramLabel = "NAME", description = "The commit's author, for the email greeting.")
  String authorName;

  @Option(names = "--author-email", paramLabel = "ADDRESS",
      description = "Where the failure email goes; without it no email is sent.")
  String authorEmail;

  @Option(names = "--mail-dir", paramLabel = "DIR", defaultValue = "var/mail",
      description = "Where the email is written when SMTP_HOST is not set (default: ${DEFAULT-VALUE}).")
  Path mailDir;

  @Option(names = "--repro", paramLabel = "COMMAND",
      description = "The command that reproduces this run locally, quoted in the email.")
  String repro;

  private final Map<String, String> env;
  private final Clock clock;
  private PrintWriter out;
  private PrintWriter err;

  Main(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  /**
   * Runs the gate with the process environment and exits with its status.
   *
   * @param args the command line, see the class comment
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(System.getenv(), Clock.systemUTC(), out, err, args));
  }

  /**
   * Runs the gate with an explicit environment (SMTP_* and MAIL_FROM are read from it), clock and
   * streams; returns the exit status. Tests call this instead of {@link #main}.
   */
  static int run(Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main(env, clock);
    main.out = out;
    main.err = err;
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("coverage-gate: unexpected error: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  @Override
  public Integer call() {
    try {
      return gate();
    } catch (GateException e) {
      err.println("coverage-gate: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private int gate() {
    if (baselineDir != null && (branch == null || branch.isBlank())) {
      throw new GateException("--baseline-dir needs --branch NAME (the baseline is kept per branch)");
    }
    InternetAddress recipient = recipient();
    MailSettings mail = MailSettings.from(env);
    RuleSet ruleSet = RulesLoader.load(rules).scope(scope);
    CoverageReport report = readReports();
    Baseline baseline = baselineDir == null ? null : Baseline.read(baselineDir, branch).orElse(null);
    List<Check> checks = Gate.evaluate(ruleSet, report, baseline == null ? Map.of() : baseline.tallies());

    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    RunInfo run = new RunInfo(scope, rules.toString(), reports.stream().map(Path::toString).toList(), blankToNull(commit),
        blankToNull(branch), now, baselineDir == null ? null : baselineDir.toString(), baseline);
    out.print(Table.render(run, checks));
    String json = Verdicts.toJson(run, checks);
    if (verdict != null) {
      writeVerdict(json);
    }
    if (Gate.passed(checks)) {
      if (baselineDir != null) {
        try {
          out.println("Baseline of branch " + branch + " updated: " + Baseline.write(baselineDir, branch, json));
        } catch (IOException e) {
          err.println("coverage-gate: cannot update the baseline in " + baselineDir + ": " + e.getMessage());
        }
      }
      out.println("No email sent: the gate passed.");
      return PASSED;
    }
    email(run, checks, recipient, mail, now);
    return BELOW_FLOOR;
  }

  private void email(RunInfo run, List<Check> checks, InternetAddress recipient, MailSettings settings, Instant now) {
    if (recipient == null) {
      out.println("No email sent: --author-email was not given.");
      return;
    }
    FailureMail mail = FailureMail.compose(run, checks, blankToNull(authorName), repro == null ? defaultRepro() : repro);
    Mailer mailer = new Mailer(settings, mailDir);
    try {
      out.println(mailer.deliver(mailer.message(recipient, mail, run.commit(), now), scope, run.commit(), now));
    } catch (MessagingException | IOException e) {
      err.println("coverage-gate: the failure email to " + recipient + " was neither sent nor written (mail dir "
          + mailDir + "): " + e.getMessage());
    }
  }

  private InternetAddress recipient() {
    String address = blankToNull(authorEmail);
    if (address == null) {
      return null;
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (!parsed.getAddress().contains("@")) {
        throw new AddressException("no domain");
      }
      if (blankToNull(authorName) != null) {
        parsed.setPersonal(authorName, StandardCharsets.UTF_8.name());
      }
      return parsed;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new GateException("--author-email '" + authorEmail + "' is not an email address (" + e.getMessage() + ")");
    }
  }

  private CoverageReport readReports() {
    CoverageReport merged = new CoverageReport();
    Set<Path> seen = new HashSet<>();
    for (Path path : reports) {
      if (!seen.add(path.toAbsolutePath().normalize())) {
        throw new GateException("report " + path + " is given twice (its counters would be counted twice)");
      }
      CoverageReport next = ReportReader.read(path);
      Set<String> twice = merged.classesAlsoIn(next);
      if (!twice.isEmpty()) {
        throw new GateException("report " + path + " measures " + twice.size() + " class(es) that an earlier --report"
            + " already measured (first: " + twice.iterator().next().replace('/', '.') + "); summing would count them"
            + " twice. Merge the execution data into one report instead (jacoco:merge, or report-aggregate)");
      }
      merged.addAll(next);
    }
    return merged;
  }

  private void writeVerdict(String json) {
    try {
      Path parent = verdict.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(verdict, json);
    } catch (IOException e) {
      throw new GateException("cannot write the verdict to " + verdict + ": " + e.getMessage(), e);
    }
  }

  private String defaultRepro() {
    StringBuilder command = new StringBuilder("java -jar coverage-gate-runnable.jar --rules ").append(rules)
        .append(" --scope ").append(scope);
    reports.forEach(r -> command.append(" --report ").append(r));
    return command.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Reports the version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"coverage-gate " + (version == null ? "(development build)" : version)};
    }
  }
}
