package dev.tollgate.verification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The suites' dependency graph, from {@link VerificationSuite} names and
 * {@link DependsOnSuites}: the order in which they run.
 */
final class SuiteGraph {
  private SuiteGraph() {}

  /** The {@link VerificationSuite} name of {@code suite}, or its simple class name without one. */
  static String nameOf(Class<?> suite) {
    return AnnotationSupport.findAnnotation(suite, VerificationSuite.class).map(VerificationSuite::value).orElse(suite.getSimpleName());
  }

  /** The suites {@code suite} depends on; empty without {@link DependsOnSuites}. */
  static List<String> dependenciesOf(Class<?> suite) {
    return AnnotationSupport.findAnnotation(suite, DependsOnSuites.class).map(d -> List.of(d.value())).orElse(List.of());
  }

  /**
   * {@code suites} in an order where each comes after the suites it depends on; among suites
   * free to go, by name. A dependency on a suite that is not among {@code suites} does not
   * constrain the order (the suite is then skipped when it comes to run).
   *
   * @throws IllegalArgumentException when two suites share a name, or the dependencies form a
   *     cycle (the message names the suites in it)
   */
  static List<Class<?>> order(Collection<Class<?>> suites) {
    return order(suites, true);
  }

  /**
   * As {@link #order(Collection)}, but suites caught in a cycle come last, by name, instead of
   * an exception: for {@link SuiteOrder}, which must not throw (the runner checks the graph
   * with {@link #order(Collection)} first and fails the run).
   */
  static List<Class<?>> orderLeniently(Collection<Class<?>> suites) {
    return order(suites, false);
  }

  private static List<Class<?>> order(Collection<Class<?>> suites, boolean strict) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> suite : suites) {
      Class<?> previous = byName.put(nameOf(suite), suite);
      if (previous != null && previous != suite) {
        throw new IllegalArgumentException("two suites are named '" + nameOf(suite) + "': " + previous.getName() + " and " + suite.getName());
      }
    }
    Map<String, Integer> waitingFor = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (String name : byName.keySet()) {
      List<String> known = dependenciesOf(byName.get(name)).stream().filter(byName::containsKey).distinct().toList();
      waitingFor.put(name, known.size());
      known.forEach(dependency -> dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(name));
    }
    PriorityQueue<String> ready = new PriorityQueue<>(Comparator.naturalOrder());
    waitingFor.forEach((name, count) -> {
      if (count == 0) {
        ready.add(name);
      }
    });
    List<Class<?>> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String name = ready.poll();
      ordered.add(byName.get(name));
      for (String dependent : dependents.getOrDefault(name, List.of())) {
        if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (ordered.size() < byName.size()) {
      if (!strict) {
        byName.keySet().stream().sorted().map(byName::get).filter(suite -> !ordered.contains(suite)).forEach(ordered::add);
        return ordered;
      }
      String cycle = waitingFor.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
      throw new IllegalArgumentException("the suites " + cycle + " depend on each other in a cycle; none of them can run first");
    }
    return ordered;
  }
}
