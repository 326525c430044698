package dev.tollgate.probe.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tells which {@link Phase} it is now. Without a phase file it is always {@link Phase#STEADY}.
 * With one, the file is read at every call (the pipeline rewrites it while the probe runs):
 * {@code before}, {@code during} or {@code after} is the phase; while the file is absent, or
 * holds anything else (e.g. caught half-written), the last phase read stands, {@code before}
 * until the first one. A problem is reported to {@code warnings} once, not at every read.
 */
public final class PhaseSource {
  private final Path file;
  private final Consumer<String> warnings;
  private Phase last = Phase.BEFORE;
  private String lastWarning;

  private PhaseSource(Path file, Consumer<String> warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  /** Always {@link Phase#STEADY}. */
  public static PhaseSource steady() {
    return new PhaseSource(null, message -> {});
  }

  /** Reads {@code file} at every {@link #current()}; problems go to {@code warnings}. */
  public static PhaseSource file(Path file, Consumer<String> warnings) {
    return new PhaseSource(file, warnings);
  }

  /** The phase now. Thread-safe. */
  public synchronized Phase current() {
    if (file == null) {
      return Phase.STEADY;
    }
    read().ifPresent(content -> {
      Optional<Phase> phase = Phase.fromFileContent(content);
      if (phase.isPresent()) {
        last = phase.get();
      } else if (!content.isBlank()) {
        warnOnce("phase file " + file + " holds '" + content.strip() + "', not before, during or after; keeping phase " + last.wireName());
      }
    });
    return last;
  }

  private Optional<String> read() {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warnOnce("cannot read phase file " + file + ": " + e.getMessage() + "; keeping phase " + last.wireName());
      return Optional.empty();
    }
  }

  private void warnOnce(String message) {
    if (!message.equals(lastWarning)) {
      lastWarning = message;
      warnings.accept(message);
    }
  }
}
