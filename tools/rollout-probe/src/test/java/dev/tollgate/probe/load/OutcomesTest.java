package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomesTest {
  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 299, 402})
  void successesAndBusinessDeclinesAreValidAnswers(int status) {
    assertThat(Outcomes.ok(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 199, 301, 400, 401, 404, 409, 422, 429, 500, 502, 503, 504})
  void transportErrorsServerErrorsAndOtherClientErrorsAreFailures(int status) {
    assertThat(Outcomes.ok(status)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 500, 502, 503, 504})
  void aDebitPostWithoutAnAnswerOrWithA5xxIsRetried(int status) {
    assertThat(Outcomes.retried(RequestKind.CREATE_DEBIT, status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 402, 400, 404, 409, 422})
  void aDebitPostWithAnyOtherAnswerIsNotRetried(int status) {
    assertThat(Outcomes.retried(RequestKind.CREATE_DEBIT, status)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 500, 502, 503, 504})
  void aCardPostWithoutAnAnswerOrWithA5xxIsRetried(int status) {
    assertThat(Outcomes.retried(RequestKind.CREATE_CARD, status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 400, 401, 422})
  void aCardPostWithAnyOtherAnswerIsNotRetried(int status) {
    assertThat(Outcomes.retried(RequestKind.CREATE_CARD, status)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 500, 503})
  void readsAreNeverRetried(int status) {
    assertThat(Outcomes.retried(RequestKind.LIST_DEBITS, status)).isFalse();
    assertThat(Outcomes.retried(RequestKind.GET_DEBIT, status)).isFalse();
  }
}
