package dev.tollgate.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.service.ApiError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankTest {
  private static final Duration SLOW = Duration.ofMillis(1234);
  private final List<Duration> sleeps = new ArrayList<>();
  private final Bank bank = new Bank(SLOW, sleeps::add);
  private int keys;

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "4242424242424242, approved, null",
      "5555555555554444, approved, null",
      "4000000000000002, declined, card_declined",
      "4000000000009995, declined, insufficient_funds",
      "4000000000000127, declined, incorrect_csc",
      "4000000000000077, approved, null",
      "378282246310005,  approved, null",
      "6011111111111117, approved, null"})
  void eachTestCardGetsItsDecision(String number, String status, String declineCode) {
    Authorization authorization = authorize(number, 1000);

    assertThat(authorization.status()).isEqualTo(status);
    assertThat(authorization.declineCode()).isEqualTo(declineCode);
    assertThat(authorization.id()).startsWith("auth_");
    assertThat(authorization.captured()).isEqualTo(declineCode == null);
    assertThat(authorization.refundedAmount()).isZero();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "4242424242424242, 123, pass",
      "4000000000000002, 123, pass",
      "4000000000000127, 123, fail",
      "4000000000000127, null, unavailable",
      "4242424242424242, null, unavailable"})
  void verificationReportsTheCscResultOfTheCard(String number, String csc, String result) {
    assertThat(bank.verify(new VerificationRequest(number, 12, 2099, csc)).cscResult()).isEqualTo(result);
  }

  @Test
  void onlyTheSlowCardMakesTheAnswerWaitForTheConfiguredDelay() {
    authorize("4242424242424242", 100);
    assertThat(sleeps).isEmpty();

    Authorization slow = authorize("4000000000000077", 100);

    assertThat(slow.approved()).isTrue();
    assertThat(sleeps).containsExactly(SLOW);
  }

  @Test
  void verificationOfTheSlowCardDoesNotWait() {
    bank.verify(new VerificationRequest("4000000000000077", 1, 2030, "123"));

    assertThat(sleeps).isEmpty();
  }

  @Test
  void theSameIdempotencyKeyReturnsTheFirstAnswerEvenForADifferentBody() {
    Authorization first = bank.authorize("key-1", request("4242424242424242", 500, true));
    Authorization again = bank.authorize("key-1", request("4000000000000002", 900, false));

    assertThat(again).isEqualTo(first);
    assertThat(bank.authorization(first.id()).amount()).isEqualTo(500);
  }

  @Test
  void differentIdempotencyKeysMakeDifferentAuthorizations() {
    Authorization one = bank.authorize("key-1", request("4242424242424242", 500, true));
    Authorization two = bank.authorize("key-2", request("4242424242424242", 500, true));

    assertThat(two.id()).isNotEqualTo(one.id());
  }

  @Test
  void aRetryReturnsTheFirstAnswerAsItWasNotTheLaterState() {
    Authorization first = bank.authorize("key-1", request("4242424242424242", 500, false));
    bank.capture(first.id());

    assertThat(bank.authorize("key-1", request("4242424242424242", 500, false)).captured()).isFalse();
    assertThat(bank.authorization(first.id()).captured()).isTrue();
  }

  @Test
  void anAuthorizationWithoutIdempotencyKeyIsRefused() {
    assertApiError(() -> bank.authorize(null, request("4242424242424242", 500, true)), 400, "missing_idempotency_key");
    assertApiError(() -> bank.authorize("  ", request("4242424242424242", 500, true)), 400, "missing_idempotency_key");
    assertApiError(() -> bank.authorize("k".repeat(256), request("4242424242424242", 500, true)), 400, "invalid_idempotency_key");
  }

  @Test
  void anAuthorizationWithCaptureFalseIsApprovedButNotCapturedUntilCaptureIsCalled() {
    Authorization authorization = bank.authorize(nextKey(), request("4242424242424242", 700, false));
    assertThat(authorization.captured()).isFalse();

    Authorization captured = bank.capture(authorization.id());

    assertThat(captured.captured()).isTrue();
    assertThat(bank.capture(authorization.id())).isEqualTo(captured);
    assertThat(bank.authorization(authorization.id())).isEqualTo(captured);
  }

  @Test
  void aDeclinedAuthorizationCannotBeCaptured() {
    Authorization declined = authorize("4000000000000002", 700);

    assertApiError(() -> bank.capture(declined.id()), 409, "not_capturable");
    assertThat(bank.authorization(declined.id()).captured()).isFalse();
  }

  @Test
  void unknownAuthorizationsAreNotFound() {
    assertApiError(() -> bank.authorization("auth_nope"), 404, "not_found");
    assertApiError(() -> bank.capture("auth_nope"), 404, "not_found");
    assertApiError(() -> bank.refund("auth_nope", new RefundRequest(1L)), 404, "not_found");
  }

  @Test
  void refundsAddUpToTheCapturedAmountAndNotOneMinorUnitMore() {
    Authorization authorization = authorize("4242424242424242", 5000);

    Refund partial = bank.refund(authorization.id(), new RefundRequest(2000L));
    Refund rest = bank.refund(authorization.id(), new RefundRequest(3000L));

    assertThat(partial.id()).startsWith("rf_");
    assertThat(partial).extracting(Refund::authorizationId, Refund::amount, Refund::status).containsExactly(authorization.id(), 2000L, "succeeded");
    assertThat(rest.amount()).isEqualTo(3000);
    assertThat(bank.authorization(authorization.id()).refundedAmount()).isEqualTo(5000);
    assertApiError(() -> bank.refund(authorization.id(), new RefundRequest(1L)), 409, "refund_exceeds_capture");
  }

  @Test
  void anOverRefundIsRefusedAndChangesNothing() {
    Authorization authorization = authorize("4242424242424242", 5000);
    bank.refund(authorization.id(), new RefundRequest(2000L));

    assertThatThrownBy(() -> bank.refund(authorization.id(), new RefundRequest(3001L)))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.code()).isEqualTo("refund_exceeds_capture");
          assertThat(e.details()).containsEntry("refundable", 3000L);
        });
    assertThat(bank.authorization(authorization.id()).refundedAmount()).isEqualTo(2000);
  }

  @Test
  void declinedAndUncapturedAuthorizationsAreNotRefundable() {
    Authorization declined = authorize("4000000000009995", 5000);
    Authorization uncaptured = bank.authorize(nextKey(), request("4242424242424242", 5000, false));

    assertApiError(() -> bank.refund(declined.id(), new RefundRequest(100L)), 409, "not_refundable");
    assertApiError(() -> bank.refund(uncaptured.id(), new RefundRequest(100L)), 409, "not_refundable");
  }

  @Test
  void refundAmountsMustBePresentAndPositive() {
    Authorization authorization = authorize("4242424242424242", 5000);

    assertApiError(() -> bank.refund(authorization.id(), new RefundRequest(null)), 400, "missing_field");
    assertApiError(() -> bank.refund(authorization.id(), new RefundRequest(0L)), 400, "invalid_amount");
    assertApiError(() -> bank.refund(authorization.id(), new RefundRequest(-5L)), 400, "invalid_amount");
    assertThat(bank.authorization(authorization.id()).refundedAmount()).isZero();
  }

  @Test
  void invalidAuthorizationsAreRefusedWithStableCodesAndNeverRepeatTheCardNumber() {
    assertInvalid(new AuthorizationRequest(null, 12, 2099, 100L, "USD", null, null), "missing_field", "card_number");
    assertInvalid(new AuthorizationRequest("4242424242424241", 12, 2099, 100L, "USD", null, null), "invalid_card_number", "card_number");
    assertInvalid(new AuthorizationRequest("4242424242424242", null, 2099, 100L, "USD", null, null), "missing_field", "expiry_month");
    assertInvalid(new AuthorizationRequest("4242424242424242", 13, 2099, 100L, "USD", null, null), "invalid_expiry", "expiry_month");
    assertInvalid(new AuthorizationRequest("4242424242424242", 0, 2099, 100L, "USD", null, null), "invalid_expiry", "expiry_month");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 99, 100L, "USD", null, null), "invalid_expiry", "expiry_year");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, null, 100L, "USD", null, null), "missing_field", "expiry_year");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 2099, null, "USD", null, null), "missing_field", "amount");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 2099, 0L, "USD", null, null), "invalid_amount", "amount");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 2099, 100L, null, null, null), "missing_field", "currency");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 2099, 100L, "usd", null, null), "invalid_currency", "currency");
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 2099, 100L, "USDX", null, null), "invalid_currency", "currency");
  }

  @Test
  void anInvalidRequestMakesNoAuthorizationForItsKey() {
    assertInvalid(new AuthorizationRequest("4242424242424242", 12, 2099, 0L, "USD", null, null), "invalid_amount", "amount");

    Authorization later = bank.authorize("key-0", request("4000000000000002", 100, true));

    assertThat(later.declineCode()).isEqualTo("card_declined");
  }

  @Test
  void invalidVerificationsAreRefusedWithStableCodes() {
    assertApiError(() -> bank.verify(new VerificationRequest("4000000000000128", 12, 2099, "123")), 400, "invalid_card_number");
    assertApiError(() -> bank.verify(new VerificationRequest("4242424242424242", 12, 2099, "12")), 400, "invalid_csc");
    assertApiError(() -> bank.verify(new VerificationRequest("4242424242424242", 12, 2099, "12a4")), 400, "invalid_csc");
    assertApiError(() -> bank.verify(new VerificationRequest("4242424242424242", 12, 2300, "123")), 400, "invalid_expiry");
  }

  @Test
  void requestsNeverShowTheCardNumberOrCscWhenPrinted() {
    assertThat(new VerificationRequest("4242424242424242", 12, 2099, "987").toString()).doesNotContain("4242424242424242").doesNotContain("987");
    assertThat(request("4242424242424242", 100, true).toString()).doesNotContain("4242424242424242").contains("amount=100");
  }

  private Authorization authorize(String number, long amount) {
    return bank.authorize(nextKey(), request(number, amount, null));
  }

  private String nextKey() {
    return "key-" + ++keys;
  }

  private static AuthorizationRequest request(String number, long amount, Boolean capture) {
    return new AuthorizationRequest(number, 12, 2099, amount, "USD", capture, "order-1");
  }

  private void assertInvalid(AuthorizationRequest request, String code, String field) {
    assertThatThrownBy(() -> bank.authorize("key-0", request))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.details()).containsEntry("field", field);
        })
        .hasMessageNotContaining("424242424242");
  }

  private static void assertApiError(ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.code()).isEqualTo(code);
    });
  }
}
