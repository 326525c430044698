package dev.tollgate.probe.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON form of a {@link Report}: snake_case names, ISO-8601 instants, latencies in
 * milliseconds (fields ending {@code _ms}, null when there is nothing to measure). Shape:
 *
 * <pre>
 * {"run_id", "target", "rate", "started_at", "duration_seconds", "passed",
 *  "summary": {"requests", "failed", "retried", "not_sent", "p50_ms", "p99_ms",
 *              "phases": [{"phase", "requests", "failed", "p50_ms", "p99_ms"}],
 *              "lost": {"checked", "acknowledged", "lost", "lost_ids", "error"},
 *              "instances": {"prod-payments-1": 123, …},
 *              "kinds": {"GET /v1/debits": 30, "GET /v1/debits/{id}": 30, "POST /v1/cards": 10, "POST /v1/debits": 30}},
 *  "failures": [{"index", "at_seconds", "phase", "request", "status", "attempts", "instance", "error"}],
 *  "series": [{"second", "phase", "sent", "ok", "failed", "p50_ms", "p99_ms"}]}
 * </pre>
 */
public final class JsonReport {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private JsonReport() {}

  /** The report as JSON text. */
  public static String render(Report report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the report to {@code file}, replacing it: written beside it first and then moved
   * into place, so a reader never sees half a report.
   *
   * @throws IOException when the file cannot be written
   */
  public static void write(Report report, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    Files.writeString(temporary, render(report) + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
