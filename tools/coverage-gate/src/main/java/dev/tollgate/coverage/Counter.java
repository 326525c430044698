package dev.tollgate.coverage;

/**
 * JaCoCo's six counters, as named in {@code jacoco.xml} ({@code <counter type="LINE" …>}) and in
 * {@code coverage-rules.xml} ({@code <limit counter="LINE" …>}).
 *
 * <p>{@link #phrase()} is the plural JaCoCo uses in its own check messages ("lines covered ratio
 * is 0.94, but expected minimum is 0.95"), so our summary lines read like JaCoCo's.
 */
enum Counter {
  INSTRUCTION("instructions"),
  BRANCH("branches"),
  LINE("lines"),
  COMPLEXITY("complexity"),
  METHOD("methods"),
  CLASS("classes");

  private final String phrase;

  Counter(String phrase) {
    this.phrase = phrase;
  }

  /** The word JaCoCo's messages use for this counter, e.g. "lines". */
  String phrase() {
    return phrase;
  }

  /** The counter named {@code name} (exact, upper case), or null when there is none. */
  static Counter named(String name) {
    for (Counter counter : values()) {
      if (counter.name().equals(name)) {
        return counter;
      }
    }
    return null;
  }
}
