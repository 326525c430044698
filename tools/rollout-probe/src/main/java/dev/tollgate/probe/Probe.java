package dev.tollgate.probe;

import dev.tollgate.probe.ledger.DebitLedger;
import dev.tollgate.probe.load.CardNumbers;
import dev.tollgate.probe.load.Epoch;
import dev.tollgate.probe.load.HttpTransport;
import dev.tollgate.probe.load.MarketplaceSetup;
import dev.tollgate.probe.load.OpenLoop;
import dev.tollgate.probe.load.PhaseSource;
import dev.tollgate.probe.load.RequestRecord;
import dev.tollgate.probe.load.Schedule;
import dev.tollgate.probe.load.StopCondition;
import dev.tollgate.probe.load.Ticker;
import dev.tollgate.probe.load.Traffic;
import dev.tollgate.probe.results.JsonReport;
import dev.tollgate.probe.results.LostCheck;
import dev.tollgate.probe.results.Report;
import dev.tollgate.probe.results.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One run: check the database answers, set up the test marketplace, send the load, check the
 * acknowledged debits, delete the marketplace, report.
 */
final class Probe {
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Settings settings;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Consumer<List<String>> beforeCheck;

  /**
   * @param beforeCheck called with the acknowledged debit ids between the load and the lost
   *     check (tests use it to tamper with the database)
   */
  Probe(Settings settings, PrintWriter out, PrintWriter err, Consumer<List<String>> beforeCheck) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.beforeCheck = beforeCheck;
  }

  /**
   * Runs; returns 0 when nothing failed and nothing was lost, 1 otherwise.
   *
   * @throws BadInputException when the database or the target cannot be used, before any load
   */
  int run() throws BadInputException {
    String suffix = "000" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    String runId = RUN_TIME.format(Instant.now()) + "-" + suffix.substring(suffix.length() - 4);
    DebitLedger ledger = settings.databaseUrl() == null ? null : new DebitLedger(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    if (ledger != null) {
      try {
        ledger.ping();
      } catch (SQLException e) {
        throw new BadInputException("cannot read table debits at --database-url=" + Main.withoutQuery(settings.databaseUrl()) + ": " + e.getMessage());
      }
    }
    HttpTransport transport = new HttpTransport(settings.target(), settings.requestTimeout());
    CardNumbers cardNumbers = new CardNumbers();
    Traffic.Marketplace marketplace;
    try {
      marketplace = MarketplaceSetup.create(transport, runId, cardNumbers);
    } catch (MarketplaceSetup.SetupException e) {
      throw new BadInputException("cannot set up a test marketplace at --target=" + settings.target() + ": " + e.getMessage());
    }
    err.printf("rollout-probe: run %s as marketplace %s, %d req/s %s%n", runId, marketplace.id(), settings.rate(), settings.untilFile() == null
        ? "for " + settings.durationSeconds() + " s" : "until " + settings.untilFile() + " exists (at most " + settings.maxSeconds() + " s)");
    err.flush();

    Instant startedAt = Instant.now();
    List<RequestRecord> records;
    double seconds;
    LostCheck lost;
    try {
      Epoch epoch = Epoch.startingNow(Ticker.system());
      Traffic traffic = new Traffic(transport, epoch, phases(), marketplace, runId, new SplittableRandom(), settings.requestTimeout(), cardNumbers);
      records = new OpenLoop(new Schedule(settings.rate()), stopCondition(), settings.maxInFlight()).run(epoch, traffic);
      seconds = epoch.elapsedNanos() / 1e9;
      List<String> acknowledged = List.copyOf(new LinkedHashSet<>(records.stream().map(RequestRecord::debitId).filter(Objects::nonNull).toList()));
      beforeCheck.accept(acknowledged);
      lost = check(ledger, acknowledged);
    } finally {
      cleanUp(transport, marketplace);
    }

    Report report = Report.of(runId, settings.target().toString(), settings.rate(), startedAt, seconds, records, lost);
    out.print(TextReport.render(report));
    out.flush();
    if (settings.report() != null) {
      try {
        JsonReport.write(report, settings.report());
      } catch (IOException e) {
        err.println("rollout-probe: cannot write --report=" + settings.report() + ": " + e.getMessage());
        return 1;
      }
    }
    return report.passed() ? 0 : 1;
  }

  private PhaseSource phases() {
    if (settings.phaseFile() == null) {
      return PhaseSource.steady();
    }
    return PhaseSource.file(settings.phaseFile(), message -> {
      synchronized (err) {
        err.println("rollout-probe: " + message);
        err.flush();
      }
    });
  }

  private StopCondition stopCondition() {
    return settings.untilFile() == null ? StopCondition.after(settings.durationSeconds()) : StopCondition.whenFileAppears(settings.untilFile(), settings.maxSeconds());
  }

  private static LostCheck check(DebitLedger ledger, List<String> acknowledged) {
    if (ledger == null) {
      return LostCheck.notChecked(acknowledged.size());
    }
    try {
      return LostCheck.checked(acknowledged.size(), ledger.missing(acknowledged));
    } catch (SQLException e) {
      return LostCheck.failed(acknowledged.size(), e.getMessage());
    }
  }

  private void cleanUp(HttpTransport transport, Traffic.Marketplace marketplace) {
    if (settings.verificationToken() == null) {
      err.println("rollout-probe: kept test marketplace " + marketplace.id() + " (no --verification-token)");
    } else {
      try {
        err.println("rollout-probe: deleted test marketplace " + marketplace.id() + ": " + MarketplaceSetup.delete(transport, marketplace.id(), settings.verificationToken()));
      } catch (MarketplaceSetup.SetupException e) {
        err.println("rollout-probe: warning: could not delete test marketplace " + marketplace.id() + ": " + e.getMessage());
      }
    }
    err.flush();
  }
}
