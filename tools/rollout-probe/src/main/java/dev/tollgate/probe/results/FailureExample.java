package dev.tollgate.probe.results;

/**
 * A failed request, for the report's list of examples.
 *
 * @param index its place in the schedule, from 0
 * @param atSeconds when it was due, seconds from the start of the load
 * @param phase the phase it was first sent in
 * @param request method and path template, e.g. {@code POST /v1/debits}
 * @param status its final HTTP status, 0 for none
 * @param attempts how many times it was sent (0: never; 2: a retried debit POST)
 * @param instance the {@code X-Served-By} of the final answer, or null
 * @param error why there was no answer, or null
 */
public record FailureExample(long index, double atSeconds, String phase, String request, int status, int attempts, String instance, String error) {}
