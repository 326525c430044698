package dev.tollgate.fraud;

import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;

/** Where checks are kept: the {@code checks} table, or an in-memory fake in unit tests. */
interface CheckStore {

  /**
   * Stores the check that {@code score} makes from the number of checks already stored for
   * {@code cardFingerprint} with {@code created_at} after {@code since}. Counting and storing
   * are one step for a fingerprint: two concurrent checks on the same card see each other.
   */
  Check insertScored(String cardFingerprint, Instant since, IntFunction<Check> score);

  /** The check with this id, if any. */
  Optional<Check> find(String id);
}
