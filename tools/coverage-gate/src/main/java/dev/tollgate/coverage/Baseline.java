package dev.tollgate.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last passing run of a branch: {@code <baseline-dir>/<branch>.json}, a copy of that run's
 * JSON verdict, written only when a run passes. Deltas are measured against it. Characters of
 * the branch name other than letters, digits, '.', '_' and '-' become '_' in the file name
 * ({@code feature/x} → {@code feature_x.json}).
 *
 * @param file where it was read from
 * @param commit the commit of that run, or null
 * @param timestamp when that run happened (ISO-8601), or null
 * @param tallies covered/total keyed by {@link Gate#key}
 */
record Baseline(Path file, String commit, String timestamp, Map<String, Tally> tallies) {

  /** The baseline file of {@code branch} under {@code dir}. */
  static Path fileFor(Path dir, String branch) {
    return dir.resolve(branch.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
  }

  /** Reads the baseline of {@code branch}; empty when the branch has no passing run yet. */
  static Optional<Baseline> read(Path dir, String branch) {
    Path file = fileFor(dir, branch);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = Verdicts.MAPPER.readTree(file.toFile());
      Map<String, Tally> tallies = new HashMap<>();
      for (JsonNode pkg : root.path("packages")) {
        String name = pkg.path("package").asText();
        for (JsonNode row : pkg.path("counters")) {
          Counter counter = Counter.named(row.path("counter").asText());
          if (counter != null && row.path("covered").canConvertToLong() && row.path("total").canConvertToLong()) {
            tallies.put(Gate.key(name, counter), new Tally(row.path("covered").asLong(), row.path("total").asLong()));
          }
        }
      }
      return Optional.of(new Baseline(file, text(root, "commit"), text(root, "timestamp"), tallies));
    } catch (IOException | IllegalArgumentException e) {
      throw new GateException("baseline " + file + " is not a coverage-gate verdict (" + e.getMessage()
          + "); delete it to start a new baseline with the next passing run", e);
    }
  }

  /** Stores {@code verdictJson} as the baseline of {@code branch}, replacing the previous one atomically. */
  static Path write(Path dir, String branch, String verdictJson) throws IOException {
    Files.createDirectories(dir);
    Path file = fileFor(dir, branch);
    Path temporary = Files.createTempFile(dir, ".baseline-", ".json");
    try {
      Files.writeString(temporary, verdictJson);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.path(field);
    return node.isTextual() ? node.asText() : null;
  }
}
