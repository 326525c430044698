package dev.tollgate.probe.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cards the probe's debits charge, each at most {@link #MAX_CHARGES} times, and the card
 * POSTs still to come. A debit {@link #claim}s one charge of a card; when none is left it waits
 * (without blocking the caller) for the next card {@link #created}. The pool asks for a new card
 * ({@link #wantsCard}) while fewer than {@link #MAX_CHARGES} charges are left or coming, so a
 * card is normally there before a debit needs it. Thread-safe.
 */
final class CardPool {
  /**
   * Debits per card: 3, the fraud service's {@code RiskRules.FREE_ATTEMPTS}
   * (services/fraud/src/main/java/dev/tollgate/fraud/RiskRules.java): its velocity rule adds
   * {@code 15 × (n − 3)} risk to the n-th check on one card fingerprint within
   * {@code FRAUD_VELOCITY_WINDOW_MINUTES} (default 60), so up to 3 checks score 0 whatever
   * payments' {@code MAX_RISK_SCORE}. (Payments declines above 75 by default, so a card would
   * stay approved up to the 8th check; 3 leaves room for a retried debit, which may be checked
   * twice, and for a lower threshold.) The probe's amounts, under 10,000 cents, add no risk.
   */
  static final int MAX_CHARGES = 3;

  /** One entry per charge left, in the order they are handed out. */
  private final Deque<String> charges = new ArrayDeque<>();
  private final Deque<CompletableFuture<String>> waiting = new ArrayDeque<>();
  private int coming;

  /** A pool holding {@code firstCard}'s {@link #MAX_CHARGES} charges. */
  CardPool(String firstCard) {
    for (int i = 0; i < MAX_CHARGES; i++) {
      charges.add(firstCard);
    }
  }

  /**
   * One charge of a card: completed at once when one is left, else when the next card is
   * created; completed with null when none came within {@code waitMillis} (the charge is then
   * not taken).
   */
  CompletableFuture<String> claim(long waitMillis) {
    synchronized (this) {
      if (!charges.isEmpty()) {
        return CompletableFuture.completedFuture(charges.poll());
      }
      CompletableFuture<String> waiter = new CompletableFuture<>();
      waiting.add(waiter);
      return waiter.completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** True while fewer than {@link #MAX_CHARGES} charges are left or coming (a card POST in flight counts for its charges). */
  synchronized boolean wantsCard() {
    waiting.removeIf(CompletableFuture::isDone);
    return charges.size() + (long) coming * MAX_CHARGES - waiting.size() < MAX_CHARGES;
  }

  /** A card POST was sent: its charges are coming. */
  synchronized void creating() {
    coming++;
  }

  /** The card POST answered with {@code cardId}: its charges go to the debits waiting first, then to the pool. */
  void created(String cardId) {
    List<CompletableFuture<String>> served = new ArrayList<>();
    synchronized (this) {
      coming--;
      for (int i = 0; i < MAX_CHARGES; i++) {
        CompletableFuture<String> waiter = nextWaiter();
        if (waiter == null) {
          charges.add(cardId);
        } else {
          served.add(waiter);
        }
      }
    }
    served.forEach(waiter -> waiter.complete(cardId)); // outside the lock: completing sends the debit
  }

  /** The card POST failed: its charges are not coming. */
  synchronized void failed() {
    coming--;
  }

  private CompletableFuture<String> nextWaiter() {
    for (CompletableFuture<String> waiter = waiting.poll(); waiter != null; waiter = waiting.poll()) {
      if (!waiter.isDone()) {
        return waiter;
      }
    }
    return null;
  }
}
