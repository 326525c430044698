package dev.tollgate.payments.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationTokenTest {
  @Test
  void theConfiguredTokenMatches() {
    assertThat(new VerificationToken(Optional.of("s3cret")).matches("s3cret")).isTrue();
  }

  @Test
  void aWrongOrMissingTokenDoesNotMatch() {
    VerificationToken token = new VerificationToken(Optional.of("s3cret"));
    assertThat(token.matches("s3cret2")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void withoutAConfiguredTokenNothingMatches() {
    VerificationToken none = new VerificationToken(Optional.empty());
    assertThat(none.matches("")).isFalse();
    assertThat(none.matches("anything")).isFalse();
  }

  @Test
  void exactlyOneOfMarketplaceIdAndCreatedBeforeIsRequired() {
    assertThat(Selection.parse("mp_1", null)).isEqualTo(new Selection("mp_1", null));
    assertThat(Selection.parse(null, "2024-01-01T00:00:00Z")).isEqualTo(new Selection(null, Instant.parse("2024-01-01T00:00:00Z")));
    assertThatThrownBy(() -> Selection.parse(null, null)).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    assertThatThrownBy(() -> Selection.parse("mp_1", "2024-01-01T00:00:00Z")).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    assertThatThrownBy(() -> Selection.parse(null, "yesterday")).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_created_before"));
  }
}
