package dev.tollgate.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON verdict ({@code --verdict FILE}), also kept as the branch's baseline when a run
 * passes. Shape (snake_case; percentages are strings, truncated exactly as in the table;
 * {@code delta} is null when there is no baseline to compare with):
 *
 * <pre>
 * {"status": "pass"|"fail", "scope": "unit", "timestamp": "2026-11-21T05:03:01Z",
 *  "commit": "6c9f010…"|null, "branch": "release"|null, "rules": "coverage-rules.xml",
 *  "reports": ["…/jacoco.xml"],
 *  "baseline": {"file", "commit", "timestamp"}|null,
 *  "packages": [{"package": "dev.tollgate.bank", "rule": {"package": "*", "line": 20}|null,
 *                "result": "pass"|"fail"|"no_rule",
 *                "counters": [{"counter": "LINE", "covered": 90, "missed": 10, "total": 100,
 *                              "actual_percent": "90.00", "required_percent": "60.00",
 *                              "minimum": "0.60", "delta": "+1.25", "result": "pass"}]}],
 *  "failures": [{"package", "counter", "actual_percent", "required_percent", "delta", "message"}]}
 * </pre>
 */
final class Verdicts {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Verdicts() {}

  /** The verdict as pretty-printed JSON. */
  static String toJson(RunInfo run, List<Check> checks) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("status", Gate.passed(checks) ? "pass" : "fail");
    root.put("scope", run.scope());
    root.put("timestamp", run.timestamp().toString());
    root.put("commit", run.commit());
    root.put("branch", run.branch());
    root.put("rules", run.rulesFile());
    ArrayNode reports = root.putArray("reports");
    run.reports().forEach(reports::add);
    if (run.baseline() == null) {
      root.putNull("baseline");
    } else {
      ObjectNode baseline = root.putObject("baseline");
      baseline.put("file", run.baseline().file().toString());
      baseline.put("commit", run.baseline().commit());
      baseline.put("timestamp", run.baseline().timestamp());
    }
    Map<String, List<Check>> byPackage = new LinkedHashMap<>();
    checks.forEach(c -> byPackage.computeIfAbsent(c.packageName(), k -> new java.util.ArrayList<>()).add(c));
    ArrayNode packages = root.putArray("packages");
    byPackage.forEach((name, rows) -> {
      ObjectNode pkg = packages.addObject();
      pkg.put("package", name);
      Rule rule = rows.get(0).rule();
      if (rule == null) {
        pkg.putNull("rule");
      } else {
        pkg.putObject("rule").put("package", rule.pattern().text()).put("line", rule.line());
      }
      pkg.put("result", rule == null ? "no_rule"
          : rows.stream().anyMatch(c -> c.result() == Check.Result.FAIL) ? "fail" : "pass");
      ArrayNode counters = pkg.putArray("counters");
      for (Check check : rows) {
        ObjectNode row = counters.addObject();
        row.put("counter", check.counter().name());
        row.put("covered", check.tally().covered());
        row.put("missed", check.tally().missed());
        row.put("total", check.tally().total());
        row.put("actual_percent", stripPercent(check.actual()));
        row.put("required_percent", stripPercent(check.required()));
        row.put("minimum", check.minimum() == null ? null : check.minimum().toPlainString());
        row.put("delta", check.delta());
        row.put("result", result(check.result()));
      }
    });
    ArrayNode failures = root.putArray("failures");
    for (Check check : Gate.failures(checks)) {
      ObjectNode failure = failures.addObject();
      failure.put("package", check.packageName());
      failure.put("counter", check.counter().name());
      failure.put("actual_percent", stripPercent(check.actual()));
      failure.put("required_percent", stripPercent(check.required()));
      failure.put("delta", check.delta());
      failure.put("message", check.jacocoMessage());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the verdict as JSON", e);
    }
  }

  private static String result(Check.Result result) {
    return switch (result) {
      case PASS -> "pass";
      case FAIL -> "fail";
      case NOT_GATED -> "no_rule";
    };
  }

  /** "94.47%" → "94.47"; "-" (nothing to count, or not gated) → null. */
  private static String stripPercent(String percent) {
    return percent.endsWith("%") ? percent.substring(0, percent.length() - 1) : null;
  }
}
