package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Suites with fixed outcomes and no I/O, for the runner's unit tests. Not run by Surefire
 * (their names do not end in Test); {@link SuiteRunnerTest} runs them through the Launcher.
 */
final class FakeSuites {
  /** A 16-digit number a failure message quotes: the runner must redact it. */
  static final String CARD_LIKE_NUMBER = "4111111111111111";

  private FakeSuites() {}

  /** Tagged per test: the untagged test must not run. */
  @VerificationSuite("alpha")
  static class PassingSuite {
    private final RunContext run;

    PassingSuite(RunContext run) {
      this.run = run;
    }

    @Test
    @Tag("production")
    void receivesTheRunContext() {
      assertThat(run.runId()).startsWith("unit-");
    }

    @Test
    void notTaggedForProduction() {
      throw new AssertionError("an untagged test must never run under the verification runner");
    }

    @Test
    @Tag("production")
    void alsoPasses() {
      assertThat(run.tenantName()).isEqualTo(RunContext.NAME_PREFIX + run.runId());
    }
  }

  @Tag("production")
  @VerificationSuite("broken")
  @DependsOnSuites("alpha")
  static class BrokenSuite {
    @Test
    void failsQuotingACardNumber() {
      assertThat("card " + CARD_LIKE_NUMBER).as("the answer").isEqualTo("something else");
    }

    @Test
    void passes() {
      assertThat(1 + 1).isEqualTo(2);
    }
  }

  @Tag("production")
  @VerificationSuite("dependent")
  @DependsOnSuites("broken")
  static class DependentSuite {
    @Test
    void wouldPass() {
      assertThat(true).isTrue();
    }

    @Test
    void wouldPassToo() {
      assertThat(true).isTrue();
    }
  }

  @Tag("production")
  @VerificationSuite("transitive")
  @DependsOnSuites("dependent")
  static class TransitiveSuite {
    @Test
    void wouldPass() {
      assertThat(true).isTrue();
    }
  }

  @Tag("production")
  @VerificationSuite("independent")
  static class IndependentSuite {
    @Test
    void passes() {
      assertThat(true).isTrue();
    }
  }

  @Tag("production")
  @VerificationSuite("setup")
  static class SetupFailureSuite {
    @BeforeAll
    static void connect() {
      throw new IllegalStateException("cannot reach the target");
    }

    @Test
    void neverRuns() {
      assertThat(true).isTrue();
    }
  }

  @Tag("production")
  @VerificationSuite("orphan")
  @DependsOnSuites("missing")
  static class OrphanSuite {
    @Test
    void wouldPass() {
      assertThat(true).isTrue();
    }
  }

  @Tag("production")
  @VerificationSuite("chicken")
  @DependsOnSuites("egg")
  static class ChickenSuite {
    @Test
    void wouldPass() {
      assertThat(true).isTrue();
    }
  }

  @Tag("production")
  @VerificationSuite("egg")
  @DependsOnSuites("chicken")
  static class EggSuite {
    @Test
    void wouldPass() {
      assertThat(true).isTrue();
    }
  }

  @VerificationSuite("untagged")
  static class UntaggedSuite {
    @Test
    void wouldPass() {
      assertThat(true).isTrue();
    }
  }
}
