package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tollgate.client.PaymentsClient;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  private static SuiteRunner.Outcome run(Class<?>... suites) {
    SuiteRunner runner = new SuiteRunner(Arrays.stream(suites).map(c -> selectClass(c)).map(s -> (org.junit.platform.engine.DiscoverySelector) s).toList());
    return runner.run(new RunContext("unit-" + System.nanoTime(), NOWHERE, PaymentsClient.builder(NOWHERE).build()), List.of());
  }

  private static SuiteResult suite(SuiteRunner.Outcome outcome, String name) {
    return outcome.suites().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no suite " + name + " in " + outcome.suites()));
  }

  @Test
  void aSuiteWhoseDependencyFailedIsSkippedNamingTheDependency() {
    SuiteRunner.Outcome outcome = run(FakeSuites.PassingSuite.class, FakeSuites.BrokenSuite.class, FakeSuites.DependentSuite.class);

    SuiteResult dependent = suite(outcome, "dependent");
    assertThat(dependent.status()).isEqualTo("skipped");
    assertThat(dependent.skipReason()).isEqualTo("depends on suite 'broken', which failed");
    assertThat(dependent.tests()).extracting(TestResult::name, TestResult::status, TestResult::skipReason).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("wouldPass", "skipped", "depends on suite 'broken', which failed"),
        org.assertj.core.groups.Tuple.tuple("wouldPassToo", "skipped", "depends on suite 'broken', which failed"));
  }

  @Test
  void aSuiteWhoseDependencyWasSkippedIsSkippedToo() {
    SuiteRunner.Outcome outcome = run(FakeSuites.PassingSuite.class, FakeSuites.BrokenSuite.class, FakeSuites.DependentSuite.class, FakeSuites.TransitiveSuite.class);

    assertThat(suite(outcome, "transitive").skipReason()).isEqualTo("depends on suite 'dependent', which was skipped");
  }

  @Test
  void aFailedSuiteDoesNotStopSuitesThatDoNotDependOnIt() {
    SuiteRunner.Outcome outcome = run(FakeSuites.BrokenSuite.class, FakeSuites.PassingSuite.class, FakeSuites.IndependentSuite.class);

    assertThat(suite(outcome, "independent").status()).isEqualTo("passed");
    assertThat(suite(outcome, "broken").status()).isEqualTo("failed");
    assertThat(outcome.error()).isEmpty();
  }

  @Test
  void suitesRunAfterTheSuitesTheyDependOnWhateverOrderTheyAreGivenIn() {
    SuiteRunner.Outcome outcome = run(FakeSuites.TransitiveSuite.class, FakeSuites.DependentSuite.class, FakeSuites.BrokenSuite.class, FakeSuites.PassingSuite.class);

    assertThat(outcome.suites()).extracting(SuiteResult::name).containsExactly("alpha", "broken", "dependent", "transitive");
  }

  @Test
  void failedTestsCarryTheirAssertionMessageWithCardLikeNumbersRedacted() {
    SuiteRunner.Outcome outcome = run(FakeSuites.PassingSuite.class, FakeSuites.BrokenSuite.class);

    SuiteResult broken = suite(outcome, "broken");
    TestResult failed = broken.tests().stream().filter(t -> t.name().equals("failsQuotingACardNumber")).findFirst().orElseThrow();
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.failureMessage()).contains("the answer").contains(Redaction.REPLACEMENT).doesNotContain(FakeSuites.CARD_LIKE_NUMBER);
    assertThat(broken.tests()).filteredOn(t -> t.name().equals("passes")).extracting(TestResult::status).containsExactly("passed");
  }

  @Test
  void onlyTestsTaggedProductionRunAndTheyReceiveTheRunContext() {
    SuiteRunner.Outcome outcome = run(FakeSuites.PassingSuite.class, FakeSuites.UntaggedSuite.class);

    assertThat(outcome.suites()).extracting(SuiteResult::name).containsExactly("alpha");
    assertThat(suite(outcome, "alpha").tests()).extracting(TestResult::name, TestResult::status).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("receivesTheRunContext", "passed"),
        org.assertj.core.groups.Tuple.tuple("alsoPasses", "passed"));
  }

  @Test
  void aSuiteWhoseSetupFailsIsFailedAndListsItsTestsAsNotRun() {
    SuiteRunner.Outcome outcome = run(FakeSuites.SetupFailureSuite.class);

    SuiteResult setup = suite(outcome, "setup");
    assertThat(setup.status()).isEqualTo("failed");
    assertThat(setup.failureMessage()).contains("IllegalStateException").contains("cannot reach the target");
    assertThat(setup.tests()).extracting(TestResult::name, TestResult::status).containsExactly(org.assertj.core.groups.Tuple.tuple("neverRuns", "skipped"));
  }

  @Test
  void aSuiteDependingOnASuiteOutsideTheRunIsSkippedSayingSo() {
    SuiteRunner.Outcome outcome = run(FakeSuites.OrphanSuite.class);

    assertThat(suite(outcome, "orphan").skipReason()).isEqualTo("depends on suite 'missing', which has not run in this run");
  }

  @Test
  void aRunThatFindsNoProductionTestFailsInsteadOfPassingEmpty() {
    SuiteRunner.Outcome outcome = run(FakeSuites.UntaggedSuite.class);

    assertThat(outcome.suites()).isEmpty();
    assertThat(outcome.error()).hasValueSatisfying(error -> assertThat(error).contains("no suite with tests tagged 'production'"));
  }

  @Test
  void aDependencyCycleFailsTheRunNamingTheSuites() {
    SuiteRunner.Outcome outcome = run(FakeSuites.ChickenSuite.class, FakeSuites.EggSuite.class);

    assertThat(outcome.error()).hasValueSatisfying(error -> assertThat(error).contains("chicken, egg").contains("cycle"));
  }
}
