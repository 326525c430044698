package dev.tollgate.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OpenLoopTest {
  private final FakeTicker ticker = new FakeTicker();
  private final Epoch epoch = Epoch.startingNow(ticker);

  /** Requests that are never answered until {@link #answerAll()}; records when each was sent. */
  private final class Unanswered implements Requests {
    final List<Long> sentAt = new ArrayList<>();
    final List<Long> notSent = new ArrayList<>();
    final List<CompletableFuture<RequestRecord>> pending = new ArrayList<>();
    final List<Long> indexes = new ArrayList<>();

    @Override
    public CompletableFuture<RequestRecord> send(long index, long dueNanos) {
      sentAt.add(epoch.elapsedNanos());
      indexes.add(index);
      CompletableFuture<RequestRecord> future = new CompletableFuture<>();
      pending.add(future);
      return future;
    }

    @Override
    public RequestRecord notSent(long index, long dueNanos, String reason) {
      notSent.add(index);
      return new RequestRecord(index, dueNanos, Phase.STEADY, RequestKind.LIST_DEBITS, List.of(), -1, null, reason);
    }

    void answer(int position) {
      long index = indexes.get(position);
      pending.get(position).complete(answered(index));
    }

    void answerAll() {
      for (int i = 0; i < pending.size(); i++) {
        answer(i);
      }
    }

    RequestRecord answered(long index) {
      Attempt attempt = new Attempt(0, Phase.STEADY, RequestKind.LIST_DEBITS, 200, 1, null, null);
      return new RequestRecord(index, new Schedule(10).dueNanos(index), Phase.STEADY, RequestKind.LIST_DEBITS, List.of(attempt), 1, null, null);
    }
  }

  /** Stops after {@code seconds}, answering everything outstanding at that moment. */
  private static StopCondition stopAfter(long seconds, Unanswered requests) {
    StopCondition after = StopCondition.after(seconds);
    return due -> {
      boolean reached = after.reached(due);
      if (reached) {
        requests.answerAll();
      }
      return reached;
    };
  }

  @Test
  void eachRequestIsSentWhenDueThoughNoEarlierOneHasBeenAnswered() {
    Unanswered requests = new Unanswered();

    List<RequestRecord> records = new OpenLoop(new Schedule(10), stopAfter(2, requests), 1_000).run(epoch, requests);

    assertThat(requests.sentAt).containsExactlyElementsOf(LongStream.range(0, 20).map(n -> n * 100_000_000L).boxed().toList());
    assertThat(records).extracting(RequestRecord::index).containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList());
  }

  @Test
  void aLoopThatFellBehindSendsTheOverdueRequestsAtOnceKeepingTheirDueTimes() {
    Unanswered requests = new Unanswered();
    ticker.advance(550_000_000L); // e.g. a pause before the loop ran: requests 0..5 are overdue

    new OpenLoop(new Schedule(10), stopAfter(1, requests), 1_000).run(epoch, requests);

    assertThat(requests.sentAt.subList(0, 6)).containsOnly(550_000_000L);
    assertThat(requests.sentAt.subList(6, 10)).containsExactly(600_000_000L, 700_000_000L, 800_000_000L, 900_000_000L);
  }

  @Test
  void aRequestDueWhileTheInFlightCapIsReachedIsNotSentAndIsRecordedAsFailed() {
    Unanswered requests = new Unanswered();

    List<RequestRecord> records = new OpenLoop(new Schedule(10), stopAfter(1, requests), 3).run(epoch, requests);

    assertThat(requests.indexes).containsExactly(0L, 1L, 2L);
    assertThat(requests.notSent).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(records).hasSize(10);
    assertThat(records.subList(3, 10)).allSatisfy(record -> {
      assertThat(record.sent()).isFalse();
      assertThat(record.ok()).isFalse();
      assertThat(record.error()).contains("3 requests were already in flight");
    });
  }

  @Test
  void anAnsweredRequestFreesItsPlaceUnderTheCap() {
    Unanswered requests = new Unanswered();
    StopCondition after = stopAfter(1, requests);
    StopCondition answerEarliestWhileRunning = due -> {
      if (due == 300_000_000L) {
        requests.answer(0); // request 0 is answered just before request 3 is due
      }
      return after.reached(due);
    };

    new OpenLoop(new Schedule(10), answerEarliestWhileRunning, 3).run(epoch, requests);

    assertThat(requests.indexes).containsExactly(0L, 1L, 2L, 3L);
    assertThat(requests.notSent).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
  }
}
