package dev.tollgate.jenkins;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are. */
final class Repository {
  private Repository() {
  }

  /**
   * The repository root: the {@code tollgate.root} system property the parent pom hands to
   * Surefire and Failsafe, or else the nearest directory above the working one that holds the
   * {@code pipeline} script.
   */
  static Path root() {
    String property = System.getProperty("tollgate.root");
    if (property != null && !property.isBlank() && Files.isRegularFile(Path.of(property, "pipeline"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pipeline"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath()
        + " holds the pipeline script; set -Dtollgate.root to the repository");
  }
}
