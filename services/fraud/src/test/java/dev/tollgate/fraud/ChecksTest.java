package dev.tollgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.service.ApiError;
import dev.tollgate.service.Json;
import dev.tollgate.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private final FakeCheckStore store = new FakeCheckStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00.123456789Z"));
  private final Checks checks = new Checks(store, new RiskRules(Duration.ofMinutes(60)), clock);

  @Test
  void aCheckIsScoredStoredAndReturnedWithEveryField() {
    Check check = checks.create(new CheckRequest("fp-1", 150_000L, "EUR", "fail"));

    assertThat(check.id()).matches("chk_[0-9a-f]{32}");
    assertThat(check.riskScore()).isEqualTo(50);
    assertThat(check.cscCheck()).isEqualTo("fail");
    assertThat(check.reasons()).containsExactly("amount_band_high", "csc_check_fail");
    assertThat(check.cardFingerprint()).isEqualTo("fp-1");
    assertThat(check.amount()).isEqualTo(150_000);
    assertThat(check.currency()).isEqualTo("EUR");
    assertThat(check.cscResult()).isEqualTo("fail");
    assertThat(check.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456Z"));
    assertThat(store.checks).containsExactly(check);
    assertThat(checks.get(check.id())).isEqualTo(check);
  }

  @Test
  void anAbsentCscResultIsStoredAsNullAndCheckedAsUnavailable() {
    Check check = checks.create(new CheckRequest("fp-1", 500L, "USD", null));

    assertThat(check.cscCheck()).isEqualTo("unavailable");
    assertThat(check.cscResult()).isNull();
    assertThat(check.riskScore()).isZero();
    assertThat(check.reasons()).isEmpty();
  }

  @Test
  void velocityCountsEarlierChecksOnTheSameCardOnly() {
    for (int i = 0; i < 3; i++) {
      assertThat(checks.create(new CheckRequest("fp-busy", 500L, "USD", "pass")).riskScore()).isZero();
    }

    Check fourth = checks.create(new CheckRequest("fp-busy", 500L, "USD", "pass"));
    Check otherCard = checks.create(new CheckRequest("fp-quiet", 500L, "USD", "pass"));

    assertThat(fourth.riskScore()).isEqualTo(15);
    assertThat(fourth.reasons()).containsExactly("velocity_4_in_60m");
    assertThat(otherCard.riskScore()).isZero();
  }

  @Test
  void checksOlderThanTheWindowNoLongerCount() {
    for (int i = 0; i < 3; i++) {
      checks.create(new CheckRequest("fp-1", 500L, "USD", "pass"));
    }
    clock.advance(Duration.ofMinutes(60));

    assertThat(checks.create(new CheckRequest("fp-1", 500L, "USD", "pass")).riskScore()).isZero();
  }

  @Test
  void invalidRequestsAreRefusedWithTheirCodeAndFieldAndNothingIsStored() {
    assertInvalid(new CheckRequest(null, 500L, "USD", null), "missing_field", "card_fingerprint");
    assertInvalid(new CheckRequest("  ", 500L, "USD", null), "missing_field", "card_fingerprint");
    assertInvalid(new CheckRequest("f".repeat(256), 500L, "USD", null), "invalid_card_fingerprint", "card_fingerprint");
    assertInvalid(new CheckRequest("fp", null, "USD", null), "missing_field", "amount");
    assertInvalid(new CheckRequest("fp", 0L, "USD", null), "invalid_amount", "amount");
    assertInvalid(new CheckRequest("fp", -1L, "USD", null), "invalid_amount", "amount");
    assertInvalid(new CheckRequest("fp", 500L, null, null), "missing_field", "currency");
    assertInvalid(new CheckRequest("fp", 500L, "usd", null), "invalid_currency", "currency");
    assertInvalid(new CheckRequest("fp", 500L, "US", null), "invalid_currency", "currency");
    assertInvalid(new CheckRequest("fp", 500L, "USD", "PASS"), "invalid_csc_result", "csc_result");
    assertInvalid(new CheckRequest("fp", 500L, "USD", "maybe"), "invalid_csc_result", "csc_result");
    assertThat(store.checks).isEmpty();
  }

  @Test
  void anUnknownCheckIsNotFound() {
    assertThatThrownBy(() -> checks.get("chk_missing"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void theBodyIsReadWithTheSnakeCaseConventionAndNullIsRefused() throws Exception {
    assertThat(CheckRequest.read("{\"card_fingerprint\": \"fp\", \"amount\": 5, \"currency\": \"USD\", \"csc_result\": \"pass\", \"extra\": 1}"))
        .isEqualTo(new CheckRequest("fp", 5L, "USD", "pass"));
    assertThatThrownBy(() -> CheckRequest.read("null"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_json"));
    assertThatThrownBy(() -> CheckRequest.read("{\"amount\": 1.5}")).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void theResponseNamesCscCheckAsPaymentsExpects() throws Exception {
    Check check = checks.create(new CheckRequest("fp-1", 500L, "USD", "pass"));

    var json = Json.mapper().valueToTree(check);

    assertThat(json.get("csc_check").asText()).isEqualTo("pass");
    assertThat(json.get("risk_score").asInt()).isZero();
    assertThat(json.get("reasons").isArray()).isTrue();
    assertThat(json.get("id").asText()).isEqualTo(check.id());
  }

  private void assertInvalid(CheckRequest request, String code, String field) {
    assertThatThrownBy(() -> checks.create(request))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.details()).containsEntry("field", field);
        });
  }
}
