package dev.tollgate.jenkins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pipeline} script, read as the truth about what Jenkins may call: the subcommands of
 * its {@code case} dispatch, its bash arrays (SUITES, CHECK_STAGES), and the stage graph
 * {@code ./pipeline graph} prints.
 */
final class PipelineScript {
  private static final Pattern DISPATCH = Pattern.compile("case \"\\$command\" in\\s*(.*?)\\)", Pattern.DOTALL);
  private static final Pattern SUBCOMMAND = Pattern.compile("[a-z][a-z-]*");
  private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|'([^']*)'|([^\\s\"']+)");

  private final Path file;
  private final String text;

  private PipelineScript(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  static PipelineScript in(Path root) {
    Path file = root.resolve("pipeline");
    try {
      return new PipelineScript(file, Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static PipelineScript of(String text) {
    return new PipelineScript(Path.of("pipeline"), text);
  }

  /** The subcommands the {@code case "$command" in} dispatch accepts. */
  Set<String> subcommands() {
    Matcher matcher = DISPATCH.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(file + " has no `case \"$command\" in` dispatch to read subcommands from");
    }
    Set<String> subcommands = new LinkedHashSet<>();
    for (String word : matcher.group(1).replace("\\\n", " ").split("\\|")) {
      String subcommand = word.strip();
      if (!SUBCOMMAND.matcher(subcommand).matches()) {
        throw new IllegalStateException(file + ": cannot read '" + subcommand + "' in the case dispatch as a subcommand");
      }
      subcommands.add(subcommand);
    }
    return subcommands;
  }

  /** The words of the bash array {@code NAME=(...)}, quotes removed. */
  List<String> array(String name) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "=\\((.*?)\\)", Pattern.DOTALL).matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(file + " has no array " + name + "=(...)");
    }
    List<String> words = new ArrayList<>();
    for (String line : matcher.group(1).split("\n")) {
      Matcher word = WORD.matcher(line.replaceAll("(^|\\s)#.*$", ""));
      while (word.find()) {
        words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
      }
    }
    return words;
  }

  /** Runs {@code ./pipeline graph} and returns what it printed. */
  String graphJson() {
    return run("graph");
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of(file.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("pipeline", ".err");
      try {
        Process process = new ProcessBuilder(command).directory(file.toAbsolutePath().getParent().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(err.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
              + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
      } finally {
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
