package dev.tollgate.payments.marketplaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import org.junit.jupiter.api.Test;

class SignupRequestTest {
  @Test
  void testDefaultsToFalseAndEmailIsOptional() {
    assertThat(new SignupRequest("Acme", null, null).validated()).isEqualTo(new SignupRequest("Acme", null, false));
  }

  @Test
  void aBlankNameIsMissingField() {
    assertThatThrownBy(() -> new SignupRequest("  ", null, true).validated())
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.code()).isEqualTo("missing_field");
          assertThat(e.details()).containsEntry("field", "name");
        });
  }

  @Test
  void anEmailWithoutAtIsInvalidEmail() {
    assertThatThrownBy(() -> new SignupRequest("Acme", "acme.example", true).validated())
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_email"));
  }
}
