package dev.tollgate.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths inside the Tollgate repository, for tests that read its shared files. */
public final class Repository {
  private Repository() {}

  /**
   * The repository root: the {@code tollgate.root} system property that the parent pom hands
   * Surefire and Failsafe, else the nearest ancestor of the working directory that holds
   * {@code migrations/}.
   *
   * @throws IllegalStateException when neither finds it
   */
  public static Path root() {
    String property = System.getProperty("tollgate.root");
    if (property != null && Files.isDirectory(Path.of(property, "migrations"))) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("migrations"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root (no migrations/ above " + Path.of("").toAbsolutePath() + ")");
  }

  /** {@code migrations/<service>} under the root. */
  public static Path migrations(String service) {
    return root().resolve("migrations").resolve(service);
  }
}
