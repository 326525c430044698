package dev.tollgate.verification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The suites (by {@link VerificationSuite} name) that must have passed, earlier in the same
 * run, for this suite to run, e.g. {@code @DependsOnSuites("cards")} on the debits suite: when
 * cards fails, the debits suite is reported skipped with the reason
 * {@code "depends on suite 'cards', which failed"} instead of failing for the same cause.
 *
 * <p>The runner orders the suites so that each runs after the suites it depends on (see
 * {@link SuiteOrder}); a dependency cycle is an error of the run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DependsOnSuites {
  /** The names of the suites this one needs. */
  String[] value();
}
