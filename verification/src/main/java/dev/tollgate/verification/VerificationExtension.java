package dev.tollgate.verification;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The Jupiter extension of every {@link VerificationSuite}: skips a suite whose
 * {@link DependsOnSuites} did not all pass earlier in the current run, and resolves
 * {@link RunContext} parameters. The current run is the one named by the configuration
 * parameter {@value ActiveRuns#RUN_ID_PARAMETER}.
 */
final class VerificationExtension implements ExecutionCondition, ParameterResolver {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
      return ConditionEvaluationResult.enabled("dependencies are checked once per suite");
    }
    Optional<DependsOnSuites> dependsOn = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DependsOnSuites.class);
    if (dependsOn.isEmpty()) {
      return ConditionEvaluationResult.enabled("the suite depends on no other suite");
    }
    Optional<ActiveRuns.ActiveRun> run = activeRun(context);
    if (run.isEmpty()) {
      return ConditionEvaluationResult.disabled("not run by the verification runner, so its dependencies "
          + String.join(", ", dependsOn.get().value()) + " cannot be checked");
    }
    return run.get().outcomes().blockingReason(dependsOn.get().value())
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("every suite it depends on passed"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return activeRun(context)
        .map(ActiveRuns.ActiveRun::context)
        .orElseThrow(() -> new ParameterResolutionException("a RunContext exists only while the verification runner runs the suites "
            + "(configuration parameter " + ActiveRuns.RUN_ID_PARAMETER + " is unset or names no run in progress)"));
  }

  private static Optional<ActiveRuns.ActiveRun> activeRun(ExtensionContext context) {
    return context.getConfigurationParameter(ActiveRuns.RUN_ID_PARAMETER).flatMap(ActiveRuns::find);
  }
}
