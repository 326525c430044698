package dev.tollgate.verification;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The Jupiter {@link ClassOrderer} the runner configures
 * ({@code junit.jupiter.testclass.order.default}): suites run in {@link SuiteGraph#order}, so
 * a suite always runs after the suites it depends on. Suites in a dependency cycle come last
 * (the runner refuses such a run before it starts).
 */
public final class SuiteOrder implements ClassOrderer {
  /** Used by JUnit. */
  public SuiteOrder() {}

  @Override
  public void orderClasses(ClassOrdererContext context) {
    List<? extends ClassDescriptor> descriptors = context.getClassDescriptors();
    List<Class<?>> ordered = SuiteGraph.orderLeniently(descriptors.stream().<Class<?>>map(ClassDescriptor::getTestClass).toList());
    descriptors.sort(Comparator.comparingInt(d -> ordered.indexOf(d.getTestClass())));
  }
}
