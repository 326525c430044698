/**
 * The production-safe suites of system verification: JUnit Jupiter classes, each a
 * {@link dev.tollgate.verification.VerificationSuite} tagged {@code production}, written with
 * the payments Java client against {@code TARGET_URL} in the run's own test marketplace.
 *
 * <p>Every class in this package with tests is a suite: the runner selects the package. Rules
 * for a test here: it acts only in its run's test marketplaces
 * ({@link dev.tollgate.verification.RunContext}); it charges a fresh card number
 * ({@code TestCards.uniqueApproved()}) because fraud's velocity rule adds risk to a card checked
 * more than three times within an hour, and runs come every five minutes; a fixed magic card is
 * used at most once per run and only where velocity cannot change the answer.
 */
package dev.tollgate.verification.suites;
