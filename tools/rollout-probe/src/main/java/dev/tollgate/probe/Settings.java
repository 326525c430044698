package dev.tollgate.probe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A run's settings, validated by {@link Main}.
 *
 * @param target base URL of the payments API
 * @param rate requests per second
 * @param durationSeconds how long to send for; null when {@code untilFile} is set
 * @param untilFile send until this file exists; null when {@code durationSeconds} is set
 * @param maxSeconds upper bound on sending, whatever else
 * @param phaseFile the file naming the rollout's phase; null: every request is {@code steady}
 * @param databaseUrl JDBC URL of the payments database; null: lost is not checked
 * @param databaseUser its user, or null
 * @param databasePassword its password (from {@code DATABASE_PASSWORD}), or null
 * @param report where to write the JSON report, or null
 * @param verificationToken to delete the test marketplace afterwards, or null to keep it
 * @param maxInFlight the most requests outstanding at once
 * @param requestTimeout bound on each HTTP exchange
 */
record Settings(URI target, int rate, Long durationSeconds, Path untilFile, long maxSeconds, Path phaseFile, String databaseUrl, String databaseUser, String databasePassword,
    Path report, String verificationToken, int maxInFlight, Duration requestTimeout) {}
