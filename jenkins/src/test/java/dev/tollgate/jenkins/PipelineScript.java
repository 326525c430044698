package dev.tollgate.jenkins;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The {@code pipeline} script and its settings, read as the truth about what Jenkins may call:
 * the subcommands {@code ./pipeline commands} prints, the suites and the stages of a non-release
 * branch in {@code pipeline.json} (its keys {@code suites} and {@code check_stages}, which the
 * bash reads too), and the stage graph {@code ./pipeline graph} prints.
 */
final class PipelineScript {
  private static final Pattern SUBCOMMAND = Pattern.compile("[a-z][a-z-]*");
  // A key given twice would lose one of its values, and with it the order of the suites.
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final Path file;
  private final Path settings;

  private PipelineScript(Path file, Path settings) {
    this.file = file;
    this.settings = settings;
  }

  /** The {@code pipeline} script and {@code pipeline.json} of the repository at {@code root}; nothing is read yet. */
  static PipelineScript in(Path root) {
    return new PipelineScript(root.resolve("pipeline"), root.resolve("pipeline.json"));
  }

  /**
   * The subcommands {@code ./pipeline commands} prints, one per line, in its order.
   *
   * @throws IllegalStateException when it cannot run, exits non-zero (with its stderr), prints
   *     nothing, or prints a line that is not a subcommand name ({@code [a-z][a-z-]*})
   */
  Set<String> subcommands() {
    return subcommandsIn(run("commands"), file + " commands");
  }

  /**
   * The subcommands in {@code output}, what {@code ./pipeline commands} printed ({@code source}
   * names it in errors): one per line, blank lines left out.
   */
  static Set<String> subcommandsIn(String output, String source) {
    Set<String> subcommands = new LinkedHashSet<>();
    for (String line : output.split("\n")) {
      String subcommand = line.strip();
      if (subcommand.isEmpty()) {
        continue;
      }
      if (!SUBCOMMAND.matcher(subcommand).matches()) {
        throw new IllegalStateException(source + " printed '" + subcommand + "', which is not a subcommand name ([a-z][a-z-]*)");
      }
      subcommands.add(subcommand);
    }
    if (subcommands.isEmpty()) {
      throw new IllegalStateException(source + " printed no subcommands");
    }
    return subcommands;
  }

  /**
   * The suite names: the keys of {@code pipeline.json}'s {@code suites} object, in its order.
   *
   * @throws IllegalStateException naming the file when it cannot be read, is not JSON, or has
   *     no {@code suites} object with at least one suite
   */
  List<String> suites() {
    JsonNode suites = setting("suites");
    if (!suites.isObject() || suites.isEmpty()) {
      throw new IllegalStateException(settings + ": \"suites\" is not an object with a key per suite: " + suites);
    }
    return names(suites.fieldNames());
  }

  /**
   * The stage names a non-release branch runs ({@code ./pipeline check}): {@code pipeline.json}'s
   * {@code check_stages}, in order.
   *
   * @throws IllegalStateException naming the file when it cannot be read, is not JSON, or has
   *     no {@code check_stages} array of strings
   */
  List<String> checkStages() {
    JsonNode stages = setting("check_stages");
    if (!stages.isArray() || stages.isEmpty()) {
      throw new IllegalStateException(settings + ": \"check_stages\" is not an array of stage names: " + stages);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (!stages.get(i).isTextual()) {
        throw new IllegalStateException(settings + ": check_stages[" + i + "] is not a stage name (a string): " + stages.get(i));
      }
      names.add(stages.get(i).asText());
    }
    return names;
  }

  /** Runs {@code ./pipeline graph} and returns what it printed. */
  String graphJson() {
    return run("graph");
  }

  /** The value of {@code key} in pipeline.json's top-level object; throws naming the file and the key when it is missing. */
  private JsonNode setting(String key) {
    String text;
    try {
      text = Files.readString(settings);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + settings + ": " + e, e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(settings + " is not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException(settings + " is not a JSON object");
    }
    if (!root.has(key)) {
      throw new IllegalStateException(settings + " has no \"" + key + "\" (its keys: " + String.join(", ", names(root.fieldNames())) + ")");
    }
    return root.get(key);
  }

  private static List<String> names(Iterator<String> keys) {
    List<String> names = new ArrayList<>();
    keys.forEachRemaining(names::add);
    return names;
  }

  /**
   * Runs {@code ./pipeline ARGS} in the script's directory, stdin from /dev/null, and returns its
   * stdout; throws when it cannot start, runs longer than 60 s or exits non-zero (with its stderr).
   */
  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of(file.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    try {
      // Both streams go to files, so that a script that never closes its stdout still times out.
      Path out = Files.createTempFile("pipeline", ".out");
      Path err = Files.createTempFile("pipeline", ".err");
      try {
        Process process = new ProcessBuilder(command).directory(file.toAbsolutePath().getParent().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
              + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }
}
