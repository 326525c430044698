package dev.tollgate.coverage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-package counters read from one or more JaCoCo XML reports. Package names are dotted
 * ({@code dev.tollgate.bank}; JaCoCo writes {@code dev/tollgate/bank}); the default package is
 * the empty name.
 *
 * <p>The same package seen twice (in two groups of an aggregate report, or in two reports) adds
 * up: covered and total of each counter are summed. That is right when the reports cover
 * different classes of one package (two modules sharing a package); it double counts when two
 * reports measure the same classes, so give each set of classes once.
 */
final class CoverageReport {
  private final SortedMap<String, Map<Counter, Tally>> packages = new TreeMap<>();
  private final java.util.Set<String> classes = new java.util.TreeSet<>();

  /** Adds {@code tally} to {@code counter} of {@code packageName}. */
  void add(String packageName, Counter counter, Tally tally) {
    packages.computeIfAbsent(packageName, name -> new EnumMap<>(Counter.class)).merge(counter, tally, Tally::plus);
  }

  /** Makes sure the package is listed even if it has no counters (an empty package). */
  void touch(String packageName) {
    packages.computeIfAbsent(packageName, name -> new EnumMap<>(Counter.class));
  }

  /** Records that the report measured the class {@code binaryName} ({@code dev/tollgate/bank/Main}). */
  void measuredClass(String binaryName) {
    classes.add(binaryName);
  }

  /** The classes both reports measured, sorted; summing such reports would count them twice. */
  java.util.Set<String> classesAlsoIn(CoverageReport other) {
    java.util.Set<String> both = new java.util.TreeSet<>(classes);
    both.retainAll(other.classes);
    return both;
  }

  /** Adds every figure of {@code other} to this report. */
  void addAll(CoverageReport other) {
    classes.addAll(other.classes);
    other.packages.forEach((name, counters) -> {
      touch(name);
      counters.forEach((counter, tally) -> add(name, counter, tally));
    });
  }

  /** The package names, sorted. */
  java.util.Set<String> packageNames() {
    return Collections.unmodifiableSet(packages.keySet());
  }

  /** The figures of {@code counter} in {@code packageName}; 0/0 when JaCoCo wrote none (nothing to count). */
  Tally tally(String packageName, Counter counter) {
    Map<Counter, Tally> counters = packages.get(packageName);
    return counters == null ? Tally.ZERO : counters.getOrDefault(counter, Tally.ZERO);
  }
}
