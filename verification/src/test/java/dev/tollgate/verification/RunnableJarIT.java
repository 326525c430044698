package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    Process process = jar(Map.of("VERIFICATION_TOKEN", "x"), work, "--once");

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(work.resolve("stderr.txt"))).contains("TARGET_URL is not set");
  }

  private static Process jar(Map<String, String> env, Path work, String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("verification.jar");
    assertThat(jar).as("system property verification.jar (set by the module's Failsafe configuration)").isNotBlank();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(work.resolve("stdout.txt").toFile())
        .redirectError(work.resolve("stderr.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("VERIFY") || name.equals("TARGET_URL") || name.equals("VERIFICATION_TOKEN") || name.equals("ALERT_WEBHOOK_URL"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not exit within 120 s");
    }
    return process;
  }
}
