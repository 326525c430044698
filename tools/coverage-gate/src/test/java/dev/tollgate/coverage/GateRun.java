package dev.tollgate.coverage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Test support: one run of the CLI with a fixed clock, an explicit environment and captured output. */
record GateRun(int status, String out, String err) {
  static final Instant NOW = Instant.parse("2026-11-21T05:03:01Z");

  static GateRun of(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(env, Clock.fixed(NOW, ZoneOffset.UTC), new PrintWriter(out), new PrintWriter(err), args);
    return new GateRun(status, out.toString(), err.toString());
  }

  static GateRun of(String... args) {
    return of(Map.of(), args);
  }
}
