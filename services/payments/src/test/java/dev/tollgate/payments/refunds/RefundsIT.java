package dev.tollgate.payments.refunds;

import static dev.tollgate.payments.PaymentsHarness.body;
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
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundsIT {
  private static TestDatabase db;
  private PaymentsHarness payments;
  private Tenant tenant;
  private String debitId;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated("payments");
  }

  @BeforeEach
  void start() {
    payments = PaymentsHarness.start(db);
    tenant = payments.signup("Refunds", true);
    String cardId = payments.card(tenant, "tok_refunds");
    debitId = payments.debit(tenant, cardId, 5000, "ch_5000").text("id");
  }

  @AfterEach
  void stop() throws Exception {
    payments.close();
  }

  private static MockResponse vaultRefund(String id, long amount) {
    return json(201, Map.of("id", id, "charge_id", "ch_5000", "amount", amount, "status", "succeeded"));
  }

  private Reply refund(Object body) {
    return payments.post("/v1/debits/" + debitId + "/refunds", tenant, body);
  }

  @Test
  void aPartialRefundIsSentToTheVaultAndRaisesTheRefundedAmount() {
    payments.vault.enqueue(vaultRefund("rf_v1", 2000));

    Reply reply = refund(Map.of("amount", 2000));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.text("id")).startsWith("rf_");
    assertThat(reply.text("debit_id")).isEqualTo(debitId);
    assertThat(reply.body().path("amount").asLong()).isEqualTo(2000);
    assertThat(reply.text("status")).isEqualTo("succeeded");
    assertThat(reply.body().has("created_at")).isTrue();
    RecordedRequest sent = take(payments.vault);
    assertThat(sent.getMethod() + " " + sent.getPath()).isEqualTo("POST /v1/charges/ch_5000/refunds");
    assertThat(body(sent).path("amount").asLong()).isEqualTo(2000);
    assertThat(payments.get("/v1/debits/" + debitId, tenant).body().path("refunded_amount").asLong()).isEqualTo(2000);
  }

  @Test
  void aRefundWithoutAnAmountRefundsWhatRemains() {
    payments.vault.enqueue(vaultRefund("rf_v1", 2000));
    payments.vault.enqueue(vaultRefund("rf_v2", 3000));
    refund(Map.of("amount", 2000));

    Reply rest = refund(Map.of());

    assertThat(rest.status()).isEqualTo(201);
    assertThat(rest.body().path("amount").asLong()).isEqualTo(3000);
    take(payments.vault);
    assertThat(body(take(payments.vault)).path("amount").asLong()).isEqualTo(3000);
    assertThat(payments.get("/v1/debits/" + debitId, tenant).body().path("refunded_amount").asLong()).isEqualTo(5000);
  }

  @Test
  void aRefundWithNoBodyAtAllRefundsEverything() {
    payments.vault.enqueue(vaultRefund("rf_all", 5000));

    Reply reply = payments.send("POST", "/v1/debits/" + debitId + "/refunds", tenant.apiKey(), null, Map.of());

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body().path("amount").asLong()).isEqualTo(5000);
  }

  @Test
  void overRefundIsRefusedAndNothingIsSentToTheVault() {
    payments.vault.enqueue(vaultRefund("rf_v1", 2000));
    refund(Map.of("amount", 2000));
    int vaultRequests = payments.vault.getRequestCount();

    Reply over = refund(Map.of("amount", 3001));

    assertThat(over.status()).isEqualTo(409);
    assertThat(over.text("code")).isEqualTo("refund_exceeds_debit");
    assertThat(payments.vault.getRequestCount()).isEqualTo(vaultRequests);
    assertThat(payments.count("select count(*) from refunds where debit_id = ?", debitId)).isEqualTo(1);
    assertThat(payments.count("select refunded_amount from debits where id = ?", debitId)).isEqualTo(2000);
  }

  @Test
  void aConcurrentRefundWaitsForTheFirstAndCannotOverRefund() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    payments.vault.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(30, TimeUnit.SECONDS);
        return vaultRefund("rf_slow", 5000);
      }
    });
    int vaultRequests = payments.vault.getRequestCount();
    CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> refund(Map.of()));
    take(payments.vault); // the first holds the debit's row lock inside the vault call
    CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() -> refund(Map.of("amount", 1)));
    awaitALockWaiter();
    release.countDown();

    assertThat(first.get().status()).isEqualTo(201);
    assertThat(second.get().status()).isEqualTo(409);
    assertThat(second.get().text("code")).isEqualTo("refund_exceeds_debit");
    assertThat(payments.vault.getRequestCount() - vaultRequests).isEqualTo(1);
    assertThat(payments.count("select refunded_amount from debits where id = ?", debitId)).isEqualTo(5000);
  }

  /** Polls until a session of this database waits for a row lock (the second refund). */
  private void awaitALockWaiter() throws InterruptedException {
    String waiting = "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'";
    for (int i = 0; i < 300 && payments.count(waiting) == 0; i++) {
      Thread.sleep(100);
    }
    assertThat(payments.count(waiting)).as("sessions waiting for the debit's row lock").isEqualTo(1);
  }

  @Test
  void aFailedDebitIsNotRefundable() {
    String cardId = payments.card(tenant, "tok_declined");
    payments.fraud.enqueue(fraudAnswer(10, "fail"));
    String failed = payments.post("/v1/debits", tenant, Map.of("card_id", cardId, "amount", 100, "currency", "USD")).body().path("details").path("debit_id").asText();
    int vaultRequests = payments.vault.getRequestCount();

    Reply reply = payments.post("/v1/debits/" + failed + "/refunds", tenant, Map.of());

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.text("code")).isEqualTo("debit_not_refundable");
    assertThat(payments.vault.getRequestCount()).isEqualTo(vaultRequests);
  }

  @Test
  void aVaultRefusalIsAConflictWithTheVaultsCodeAndNothingIsStored() {
    payments.vault.enqueue(json(409, Map.of("code", "refund_exceeds_capture", "message", "too much")));

    Reply reply = refund(Map.of("amount", 100));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.text("code")).isEqualTo("refund_exceeds_capture");
    assertThat(payments.count("select count(*) from refunds where debit_id = ?", debitId)).isZero();
    assertThat(payments.count("select refunded_amount from debits where id = ?", debitId)).isZero();
  }

  @Test
  void aDebitsRefundsAreListedNewestFirst() {
    payments.vault.enqueue(vaultRefund("rf_v1", 1000));
    payments.vault.enqueue(vaultRefund("rf_v2", 1500));
    String first = refund(Map.of("amount", 1000)).text("id");
    String second = refund(Map.of("amount", 1500)).text("id");

    Reply list = payments.get("/v1/debits/" + debitId + "/refunds", tenant);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("data").findValuesAsText("id")).containsExactly(second, first);
    assertThat(list.body().path("has_more").asBoolean()).isFalse();
  }
}
