package dev.tollgate.probe.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Answers each call with the next scripted answer and keeps the calls. Once the script runs out
 * a card POST gets 201 {@code {"id":"card_<n>"}} (n from 2: {@code card_1} is the marketplace's
 * first card) and anything else 200 {@code {}}.
 */
final class ScriptedTransport implements Transport {
  final List<Call> calls = new ArrayList<>();
  private final Deque<CompletableFuture<Answer>> script = new ArrayDeque<>();
  private Runnable onSend = () -> {};
  private int cards = 1;

  ScriptedTransport then(int status, String body) {
    script.add(CompletableFuture.completedFuture(new Answer(status, body, "prod-payments-1", null)));
    return this;
  }

  ScriptedTransport thenNoAnswer(String error) {
    script.add(CompletableFuture.completedFuture(Answer.failed(error)));
    return this;
  }

  /** The next call is answered only when the test completes the returned future. */
  CompletableFuture<Answer> thenHeld() {
    CompletableFuture<Answer> held = new CompletableFuture<>();
    script.add(held);
    return held;
  }

  /** Runs {@code action} as each call is sent, before it is answered. */
  ScriptedTransport onSend(Runnable action) {
    this.onSend = action;
    return this;
  }

  /** The calls to {@code method} {@code path} (query included), in order. */
  synchronized List<Call> calls(String method, String path) {
    return calls.stream().filter(call -> call.method().equals(method) && call.path().equals(path)).toList();
  }

  @Override
  public CompletableFuture<Answer> send(Call call) {
    CompletableFuture<Answer> answer;
    synchronized (this) {
      calls.add(call);
      onSend.run();
      answer = script.isEmpty() ? CompletableFuture.completedFuture(unscripted(call)) : script.poll();
    }
    return answer;
  }

  private Answer unscripted(Call call) {
    if (call.method().equals("POST") && call.path().equals("/v1/cards")) {
      return new Answer(201, "{\"id\":\"card_" + ++cards + "\"}", "prod-payments-1", null);
    }
    return new Answer(200, "{}", "prod-payments-1", null);
  }
}
