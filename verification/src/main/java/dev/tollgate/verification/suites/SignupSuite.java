package dev.tollgate.verification.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.client.AuthenticationException;
import dev.tollgate.client.Marketplace;
import dev.tollgate.client.NewMarketplace;
import dev.tollgate.verification.RunContext;
import dev.tollgate.verification.VerificationSuite;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Marketplace signup: the run's tenant is created and its key, and only its key, works. The
 * signup test runs first, so a failed signup is reported by the test that is about it.
 */
@Tag("production")
@VerificationSuite("signup")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignupSuite {
  private final RunContext run;

  SignupSuite(RunContext run) {
    this.run = run;
  }

  @Test
  @Order(1)
  void signupCreatesATestMarketplaceNamedAfterTheRun() {
    NewMarketplace tenant = run.tenant();

    assertThat(tenant.id()).startsWith("mp_");
    assertThat(tenant.name()).isEqualTo(run.tenantName());
    assertThat(tenant.test()).as("the run's marketplace is flagged test, so only test data is created").isTrue();
    assertThat(tenant.apiKey()).as("the key shown once at signup").startsWith("sk_");
  }

  @Test
  void theNewKeyActsAsThatMarketplace() {
    Marketplace me = run.client().marketplaces().me();

    assertThat(me.id()).isEqualTo(run.tenant().id());
    assertThat(me.name()).isEqualTo(run.tenantName());
    assertThat(me.test()).isTrue();
  }

  @Test
  void aRequestWithoutAKeyIsRefused() {
    assertThatThrownBy(() -> run.anonymous().marketplaces().me())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
  }

  @Test
  void aMadeUpKeyIsRefused() {
    String madeUp = "sk_" + UUID.randomUUID().toString().replace("-", "");

    assertThatThrownBy(() -> run.anonymous().withApiKey(madeUp).marketplaces().me())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
  }
}
