package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void digitRunsAsLongAsACardNumberAreRedacted() {
    assertThat(Redaction.redact("expected 4242424242424242 and 378282246310005 but got 5555555555554444"))
        .isEqualTo("expected [redacted digits] and [redacted digits] but got [redacted digits]");
  }

  @Test
  void shorterNumbersAmountsAndIdsStay() {
    String text = "amount 1250 of debit db_4Xk2 refunded 3000, last four 4242, status 409";

    assertThat(Redaction.redact(text)).isEqualTo(text);
  }

  @Test
  void stackFramesQuotedInAnAssertionMessageAreDropped() {
    String assertj = "Expecting actual throwable to be an instance of:\n  X\nbut was:\n  ServerException[502 upstream_error]: vault unreachable\n"
        + "\tat dev.tollgate.client.PaymentsException.of(PaymentsException.java:58)\n\tat dev.tollgate.client.Transport.error(Transport.java:155)\n"
        + "\t...(83 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)";

    assertThat(Redaction.redact(assertj)).isEqualTo("Expecting actual throwable to be an instance of:\n  X\nbut was:\n  ServerException[502 upstream_error]: vault unreachable");
  }

  @Test
  void aLongMessageIsCut() {
    assertThat(Redaction.redact("x".repeat(5000))).hasSize(2003).endsWith("...");
  }

  @Test
  void anExceptionIsDescribedByItsClassAndMessageAndAnAssertionByItsMessage() {
    assertThat(Redaction.describe(new IllegalStateException("card 4000000000000002 refused"))).isEqualTo("java.lang.IllegalStateException: card [redacted digits] refused");
    assertThat(Redaction.describe(new AssertionError("\nexpected: 1\n but was: 2"))).isEqualTo("expected: 1\n but was: 2");
    assertThat(Redaction.describe(null)).isNull();
  }
}
