package dev.tollgate.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged runnable jar refuses to start on a bad key, naming the variable (exit status 2). */
class MainIT {
  @Test
  void withoutAnEncryptionKeyTheJarExitsWith2NamingTheVariable() throws Exception {
    Result result = run(Map.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("VAULT_ENCRYPTION_KEY is not set");
  }

  @Test
  void withA16ByteKeyTheJarExitsWith2NamingTheVariableButNotTheKey() throws Exception {
    String shortKey = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    Result result = run(Map.of("VAULT_ENCRYPTION_KEY", shortKey, "BANK_URL", "http://127.0.0.1:8090"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("VAULT_ENCRYPTION_KEY").contains("32").doesNotContain(shortKey);
  }

  private record Result(int exitCode, String stderr) {}

  private static Result run(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", runnableJar().toString());
    builder.environment().keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("BANK_") || name.startsWith("DATABASE_"));
    builder.environment().put("HTTP_PORT", "0");
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the vault did not exit; stderr: " + stderr);
    }
    return new Result(process.exitValue(), stderr);
  }

  /** target/vault-*-runnable.jar, built by the package phase before Failsafe runs. */
  private static Path runnableJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "vault-*-runnable.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new AssertionError("no target/vault-*-runnable.jar: run through Maven (mvn verify) so the jar is packaged first");
  }
}
