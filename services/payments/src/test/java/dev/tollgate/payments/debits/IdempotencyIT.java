package dev.tollgate.payments.debits;

import static dev.tollgate.payments.PaymentsHarness.charge;
import static dev.tollgate.payments.PaymentsHarness.fraudAnswer;
import static dev.tollgate.payments.PaymentsHarness.json;
import static dev.tollgate.payments.PaymentsHarness.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.payments.PaymentsHarness;
import dev.tollgate.payments.PaymentsHarness.Reply;
import dev.tollgate.payments.PaymentsHarness.Tenant;
import dev.tollgate.testkit.TestDatabase;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyIT {
  private static TestDatabase db;
  private PaymentsHarness payments;
  private Tenant tenant;
  private String cardId;
  private int vaultRequestsBefore;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated("payments");
  }

  @BeforeEach
  void start() {
    payments = PaymentsHarness.start(db);
    tenant = payments.signup("Retries", true);
    cardId = payments.card(tenant, "tok_retry");
    vaultRequestsBefore = payments.vault.getRequestCount();
  }

  @AfterEach
  void stop() throws Exception {
    payments.close();
  }

  private Reply debit(long amount, String key) {
    return payments.send("POST", "/v1/debits", tenant.apiKey(), Map.of("card_id", cardId, "amount", amount, "currency", "EUR"), Map.of("Idempotency-Key", key));
  }

  private int charges() {
    return payments.vault.getRequestCount() - vaultRequestsBefore;
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheFirstBodyAndTheVaultChargesOnce() {
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(charge("ch_once", "succeeded", null, 700));

    Reply first = debit(700, "retry-1");
    Reply retry = debit(700, "retry-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(charges()).isEqualTo(1);
    assertThat(payments.fraud.getRequestCount()).isEqualTo(1);
    assertThat(payments.count("select count(*) from debits where marketplace_id = ?", tenant.id())).isEqualTo(1);
  }

  @Test
  void aRetriedFailedDebitReplaysThe402() {
    payments.fraud.enqueue(fraudAnswer(99, "pass"));

    Reply first = debit(700, "retry-402");
    Reply retry = debit(700, "retry-402");

    assertThat(first.status()).isEqualTo(402);
    assertThat(retry.status()).isEqualTo(402);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(payments.fraud.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsIdempotencyKeyReused() {
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(charge("ch_first", "succeeded", null, 700));
    debit(700, "reused");

    Reply other = debit(800, "reused");

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.text("code")).isEqualTo("idempotency_key_reused");
    assertThat(charges()).isEqualTo(1);
  }

  @Test
  void keysArePerMarketplace() {
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(charge("ch_a", "succeeded", null, 700));
    Reply mine = debit(700, "shared-key");
    Tenant other = payments.signup("Other", true);
    String otherCard = payments.card(other, "tok_other");
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(charge("ch_b", "succeeded", null, 700));

    Reply theirs = payments.send("POST", "/v1/debits", other.apiKey(), Map.of("card_id", otherCard, "amount", 700, "currency", "EUR"), Map.of("Idempotency-Key", "shared-key"));

    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.text("id")).isNotEqualTo(mine.text("id"));
  }

  @Test
  void aSecondRequestWhileTheFirstIsRunningIsIdempotencyKeyInProgress() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
        return charge("ch_slow", "succeeded", null, 700);
      }
    });
    CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> debit(700, "concurrent"));
    take(payments.fraud);
    take(payments.vault); // the first request is now inside the vault call

    Reply second = debit(700, "concurrent");
    release.countDown();

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.text("code")).isEqualTo("idempotency_key_in_progress");
    assertThat(first.get().status()).isEqualTo(201);
    assertThat(charges()).isEqualTo(1);
    assertThat(debit(700, "concurrent").body()).isEqualTo(first.get().body());
  }

  @Test
  void afterAnUpstreamErrorTheSameKeyCanBeRetriedWithTheSameDebitId() {
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(json(500, Map.of("code", "internal_error", "message", "boom")));
    payments.fraud.enqueue(fraudAnswer(10, "pass"));
    payments.vault.enqueue(charge("ch_retry", "succeeded", null, 700));

    Reply failed = debit(700, "after-502");
    Reply retried = debit(700, "after-502");

    assertThat(failed.status()).isEqualTo(502);
    assertThat(retried.status()).isEqualTo(201);
    String firstKey = take(payments.vault).getHeader("Idempotency-Key");
    String secondKey = take(payments.vault).getHeader("Idempotency-Key");
    assertThat(secondKey).isEqualTo(firstKey).isEqualTo(retried.text("id"));
  }
}
