package dev.tollgate.probe.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Answers each call with the next scripted answer (200 {@code {}} once the script runs out) and keeps the calls. */
final class ScriptedTransport implements Transport {
  final List<Call> calls = new ArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private Runnable onSend = () -> {};

  ScriptedTransport then(int status, String body) {
    script.add(new Answer(status, body, "prod-payments-1", null));
    return this;
  }

  ScriptedTransport thenNoAnswer(String error) {
    script.add(Answer.failed(error));
    return this;
  }

  /** Runs {@code action} as each call is sent, before it is answered. */
  ScriptedTransport onSend(Runnable action) {
    this.onSend = action;
    return this;
  }

  @Override
  public synchronized CompletableFuture<Answer> send(Call call) {
    calls.add(call);
    onSend.run();
    Answer answer = script.isEmpty() ? new Answer(200, "{}", "prod-payments-1", null) : script.poll();
    return CompletableFuture.completedFuture(answer);
  }
}
