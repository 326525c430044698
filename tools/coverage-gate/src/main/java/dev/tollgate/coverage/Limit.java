package dev.tollgate.coverage;

import java.math.BigDecimal;

/**
 * One floor of a rule: {@code counter}'s covered ratio (covered / total, JaCoCo's COVEREDRATIO)
 * must be at least {@code minimum}, a decimal in 0..1 kept exactly as written (0.95 means 95%).
 *
 * @param line the line of the {@code <limit>} element in the rules file
 */
record Limit(Counter counter, BigDecimal minimum, int line) {}
