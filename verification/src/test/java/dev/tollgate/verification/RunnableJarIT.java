package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testkit.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runnable jar, as a real process, with nothing to run against: it starts (manifest,
 * shaded dependencies) and refuses a missing variable with exit status 2, naming it. Its runs
 * against a whole stack are in the acceptance suite ({@code SystemVerificationIT}).
 */
class RunnableJarIT {

  @Test
  void theRunnableJarExitsTwoNamingAMissingVariable(@TempDir Path work) throws Exception {
    String jar = System.getProperty("verification.jar");
    assertThat(jar).as("system property verification.jar (set by the module's Failsafe configuration)").isNotBlank();

    Process process = JarProcess.run(Path.of(jar), work, RunnableJarIT::readByTheRunner, Map.of("VERIFICATION_TOKEN", "x"), "--once");

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(work.resolve("stderr.txt"))).contains("TARGET_URL is not set");
  }

  /** The variables the runner reads, which this JVM's environment must not hand the jar. */
  private static boolean readByTheRunner(String name) {
    return name.startsWith("VERIFY") || name.equals("TARGET_URL") || name.equals("VERIFICATION_TOKEN") || name.equals("ALERT_WEBHOOK_URL");
  }
}
