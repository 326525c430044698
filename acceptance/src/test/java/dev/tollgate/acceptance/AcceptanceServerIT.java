package dev.tollgate.acceptance;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/**
 * Acceptance server: the scenarios over HTTP against a deployed environment's payments API,
 * {@code TARGET_URL} (staging's public frontend is {@code http://127.0.0.1:8081}), all the way
 * through fraud and the vault to the bank sandbox. Runs only with {@code -Pacceptance-server};
 * fails at once, saying so, when {@code TARGET_URL} is unset. Each scenario signs up its own
 * test marketplace; only the test-data cleanup scenario deletes anything (its own test
 * marketplace), and it runs only when {@code VERIFICATION_TOKEN} holds the environment's token
 * (else it is skipped).
 */
class AcceptanceServerIT extends AcceptanceScenarios {
  private static URI target;

  @BeforeAll
  static void readTarget() {
    String url = System.getenv("TARGET_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("TARGET_URL is not set: acceptance server runs against a deployed payments API, e.g. "
          + "TARGET_URL=http://127.0.0.1:8081 ./mvnw -B verify -f acceptance/pom.xml -Pacceptance-server");
    }
    target = URI.create(url.strip());
  }

  @Override
  protected URI targetUrl() {
    return target;
  }

  @Override
  protected Optional<String> verificationToken() {
    return Optional.ofNullable(System.getenv("VERIFICATION_TOKEN")).filter(token -> !token.isBlank());
  }
}
