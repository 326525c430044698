package dev.tollgate.payments.marketplaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String KEY = "sk_abcdefghijklmnopqrstuvwxyz012345";

  @Test
  void aBearerTokenIsTheKey() {
    assertThat(Credentials.apiKey("Bearer " + KEY)).contains(KEY);
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertThat(Credentials.apiKey("bearer " + KEY)).contains(KEY);
    assertThat(Credentials.apiKey("BASIC " + basic(KEY + ":"))).contains(KEY);
  }

  @Test
  void basicWithTheKeyAsUserAndAnEmptyPasswordIsTheKey() {
    assertThat(Credentials.apiKey("Basic " + basic(KEY + ":"))).contains(KEY);
  }

  @Test
  void basicWithAPasswordIsRefused() {
    assertThat(Credentials.apiKey("Basic " + basic(KEY + ":secret"))).isEmpty();
  }

  @Test
  void basicWithoutAColonIsRefused() {
    assertThat(Credentials.apiKey("Basic " + basic(KEY))).isEmpty();
  }

  @Test
  void basicThatIsNotBase64IsRefused() {
    assertThat(Credentials.apiKey("Basic !!!not-base64")).isEmpty();
  }

  @Test
  void noHeaderOrASchemeAloneOrAnotherSchemeIsRefused() {
    assertThat(Credentials.apiKey(null)).isEmpty();
    assertThat(Credentials.apiKey("")).isEmpty();
    assertThat(Credentials.apiKey("Bearer")).isEmpty();
    assertThat(Credentials.apiKey("Bearer ")).isEmpty();
    assertThat(Credentials.apiKey("Token " + KEY)).isEmpty();
    assertThat(Credentials.apiKey(KEY)).isEmpty();
  }

  @Test
  void aValueThatIsNotAnSkKeyIsRefused() {
    assertThat(Credentials.apiKey("Bearer pk_abc")).isEmpty();
    assertThat(Credentials.apiKey("Bearer sk_")).isEmpty();
    assertThat(Credentials.apiKey("Bearer sk_a b")).isEmpty();
  }

  private static String basic(String userColonPassword) {
    return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }
}
