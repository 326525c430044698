package dev.tollgate.probe.load;

/**
 * One HTTP exchange as the probe recorded it.
 *
 * @param sentNanos when it was sent, nanoseconds after the start of the load
 * @param phase the phase current when it was sent
 * @param kind what it did
 * @param status the HTTP status; 0 when there was no answer (see {@code error})
 * @param latencyMicros microseconds from {@code sentNanos} to the answer or the error
 * @param instance the {@code X-Served-By} response header (HAProxy's server name, e.g.
 *     {@code prod-payments-2}); null when absent or when there was no answer
 * @param error why there was no answer (e.g. {@code ConnectException: Connection refused});
 *     null when there was one
 */
public record Attempt(long sentNanos, Phase phase, RequestKind kind, int status, long latencyMicros, String instance, String error) {}
