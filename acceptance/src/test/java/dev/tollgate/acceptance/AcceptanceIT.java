package dev.tollgate.acceptance;

import dev.tollgate.stack.InMemoryStack;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Acceptance, in memory: the scenarios against every service started in this JVM
 * ({@link InMemoryStack}), so one JaCoCo agent measures coverage across the whole stack.
 * Runs only with {@code -Pacceptance}.
 */
class AcceptanceIT extends AcceptanceScenarios {
  private static InMemoryStack stack;

  @BeforeAll
  static void startTheStack() {
    stack = InMemoryStack.start();
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Override
  protected URI targetUrl() {
    return stack.paymentsUrl();
  }

  @Override
  protected Optional<String> verificationToken() {
    return Optional.of(stack.verificationToken());
  }
}
