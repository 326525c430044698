package dev.tollgate.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A module's runnable jar run as a real process, for tests of what the module ships. */
public final class JarProcess {
  /** How long {@link #run} waits for the process to exit. */
  public static final Duration TIMEOUT = Duration.ofSeconds(120);

  private JarProcess() {}

  /**
   * Runs {@code java -jar <jar> <args>} with this JVM's own {@code java} and waits for it to
   * exit. Its standard output and standard error go to {@code stdout.txt} and {@code stderr.txt}
   * in {@code work}; its environment is this JVM's, less every variable whose name {@code unset}
   * accepts (so the test's own environment cannot leak into what the jar reads), plus {@code env}.
   *
   * @return the exited process, for its {@link Process#exitValue()}
   * @throws IllegalArgumentException when {@code jar} is not a regular file
   * @throws IOException when the process cannot be started or its output files not opened
   * @throws InterruptedException when interrupted while waiting (the process is killed first)
   * @throws AssertionError when it has not exited within {@link #TIMEOUT} (it is killed first)
   */
  public static Process run(Path jar, Path work, Predicate<String> unset, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no runnable jar at " + jar);
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(work.resolve("stdout.txt").toFile())
        .redirectError(work.resolve("stderr.txt").toFile());
    builder.environment().keySet().removeIf(unset);
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(jar.getFileName() + " did not exit within " + TIMEOUT.toSeconds() + " s");
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    return process;
  }
}
