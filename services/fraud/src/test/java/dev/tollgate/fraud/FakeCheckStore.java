package dev.tollgate.fraud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/** An in-memory {@link CheckStore} with the same counting rule as the table. */
final class FakeCheckStore implements CheckStore {
  final List<Check> checks = new ArrayList<>();

  @Override
  public synchronized Check insertScored(String cardFingerprint, Instant since, IntFunction<Check> score) {
    int earlier = (int) checks.stream().filter(c -> c.cardFingerprint().equals(cardFingerprint) && c.createdAt().isAfter(since)).count();
    Check check = score.apply(earlier);
    checks.add(check);
    return check;
  }

  @Override
  public synchronized Optional<Check> find(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
