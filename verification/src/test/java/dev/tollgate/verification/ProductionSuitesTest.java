package dev.tollgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The production suites as the runner discovers them (discovery only: nothing runs). */
class ProductionSuitesTest {
  private static List<Class<?>> discoveredSuites() {
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectPackage(SuiteRunner.SUITES_PACKAGE))
        .build());
    List<Class<?>> suites = new ArrayList<>();
    for (TestIdentifier engine : plan.getRoots()) {
      for (TestIdentifier child : plan.getChildren(engine)) {
        child.getSource().filter(ClassSource.class::isInstance).ifPresent(s -> suites.add(((ClassSource) s).getJavaClass()));
      }
    }
    return suites;
  }

  @Test
  void theSuitesRunInTheOrderSignupCardsDebitsRefunds() {
    assertThat(SuiteGraph.order(discoveredSuites())).extracting(SuiteGraph::nameOf).containsExactly("signup", "cards", "debits", "refunds");
  }

  @Test
  void everySuiteIsNamedAndTaggedForProductionAndItsDependenciesExist() {
    List<Class<?>> suites = discoveredSuites();
    List<String> names = suites.stream().map(SuiteGraph::nameOf).toList();

    assertThat(suites).isNotEmpty().allSatisfy(suite -> {
      assertThat(AnnotationSupport.isAnnotated(suite, VerificationSuite.class)).as("%s has @VerificationSuite", suite.getSimpleName()).isTrue();
      assertThat(AnnotationSupport.findRepeatableAnnotations(suite, Tag.class)).as("%s is tagged production", suite.getSimpleName())
          .extracting(Tag::value).contains(SuiteRunner.PRODUCTION_TAG);
      assertThat(names).containsAll(SuiteGraph.dependenciesOf(suite));
    });
  }

  @Test
  void eachLaterSuiteDependsOnTheOneBefore() {
    assertThat(SuiteGraph.dependenciesOf(discoveredSuites().stream().filter(s -> SuiteGraph.nameOf(s).equals("refunds")).findFirst().orElseThrow()))
        .containsExactly("debits");
  }

  @Test
  void twoSuitesWithOneNameAreRefused() {
    assertThatThrownBy(() -> SuiteGraph.order(List.of(FakeSuites.BrokenSuite.class, Duplicate.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two suites are named 'broken'");
  }

  @VerificationSuite("broken")
  static class Duplicate {}
}
