package dev.tollgate.verification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit Jupiter test class as one suite of system verification and names it, e.g.
 * {@code @VerificationSuite("cards")}. The name is what {@code GET /status}, the alert webhook,
 * the one-shot summary and {@link DependsOnSuites} use.
 *
 * <p>The annotation registers the runner's extension, which
 * <ul>
 *   <li>skips the suite when a suite named in its {@link DependsOnSuites} failed or was
 *       skipped earlier in the same run (the skip reason names that suite), and
 *   <li>injects the run's {@link RunContext} into the suite's constructor or methods.
 * </ul>
 *
 * <p>Only tests tagged {@code @Tag("production")} (on the class or the method) run under the
 * verification runner: the tag states that a test is safe against production (own tenant,
 * cleans up, no fixed card whose fraud velocity would build up across runs).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(VerificationExtension.class)
public @interface VerificationSuite {
  /** The suite's name: lowercase words, unique among the suites, e.g. {@code "signup"}. */
  String value();
}
