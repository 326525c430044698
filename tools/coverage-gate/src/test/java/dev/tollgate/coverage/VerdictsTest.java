package dev.tollgate.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

  private static JsonNode verdict(RunInfo run, List<Check> checks) throws Exception {
    return Verdicts.MAPPER.readTree(Verdicts.toJson(run, checks));
  }

  @Test
  void aFailingRunIsRecordedWithStatusScopeCommitTimestampRowsAndFailures() throws Exception {
    JsonNode json = verdict(Checks.run(null), Checks.sample());
    assertThat(json.path("status").asText()).isEqualTo("fail");
    assertThat(json.path("scope").asText()).isEqualTo("unit");
    assertThat(json.path("commit").asText()).isEqualTo("6c9f010aa1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(json.path("timestamp").asText()).isEqualTo("2026-11-21T05:03:01Z");
    assertThat(json.path("baseline").isNull()).isTrue();
    assertThat(json.path("packages")).extracting(p -> p.path("package").asText())
        .containsExactly("dev.tollgate.bank", "dev.tollgate.payments.cards", "dev.tollgate.payments.debits");
    assertThat(json.path("failures")).hasSize(2);
    JsonNode first = json.path("failures").get(0);
    assertThat(first.path("package").asText()).isEqualTo("dev.tollgate.payments.cards");
    assertThat(first.path("counter").asText()).isEqualTo("BRANCH");
    assertThat(first.path("message").asText())
        .isEqualTo("dev.tollgate.payments.cards: branches covered ratio is 0.2500, but expected minimum is 0.9000");
  }

  @Test
  void eachPackageRowCarriesItsRuleAndExactFiguresAsStrings() throws Exception {
    JsonNode debits = verdict(Checks.run(null), Checks.sample()).path("packages").get(2);
    assertThat(debits.path("rule").path("package").asText()).isEqualTo("dev.tollgate.payments.debits");
    assertThat(debits.path("rule").path("line").asInt()).isEqualTo(14);
    assertThat(debits.path("result").asText()).isEqualTo("fail");
    JsonNode line = debits.path("counters").get(0);
    assertThat(line.path("counter").asText()).isEqualTo("LINE");
    assertThat(line.path("covered").asLong()).isEqualTo(9_447);
    assertThat(line.path("missed").asLong()).isEqualTo(553);
    assertThat(line.path("total").asLong()).isEqualTo(10_000);
    assertThat(line.path("actual_percent").asText()).isEqualTo("94.47");
    assertThat(line.path("required_percent").asText()).isEqualTo("95.00");
    assertThat(line.path("minimum").asText()).isEqualTo("0.95");
    assertThat(line.path("delta").asText()).isEqualTo("-0.53");
    assertThat(line.path("result").asText()).isEqualTo("fail");
  }

  @Test
  void aPassingRunSaysPassAndHasNoFailures() throws Exception {
    List<Check> passing = Checks.sample().stream().filter(c -> c.result() == Check.Result.PASS).toList();
    JsonNode json = verdict(Checks.run(null), passing);
    assertThat(json.path("status").asText()).isEqualTo("pass");
    assertThat(json.path("failures")).isEmpty();
  }
}
