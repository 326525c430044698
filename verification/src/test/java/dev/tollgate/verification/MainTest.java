package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    return new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(args);
  }

  @Test
  void anUnknownOptionExitsTwoNamingIt() {
    assertThat(execute("--twice")).isEqualTo(2);
    assertThat(err.toString()).contains("--twice");
  }

  @Test
  void junitXmlWithoutOnceExitsTwo() {
    assertThat(execute("--junit-xml", "target/nowhere")).isEqualTo(2);
    assertThat(err.toString()).contains("--junit-xml needs --once");
  }
}
