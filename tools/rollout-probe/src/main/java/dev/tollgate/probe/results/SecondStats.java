package dev.tollgate.probe.results;

/**
 * One entry of the per-second series: the requests due in one second of the run and one
 * phase (a second in which the phase changed has one entry per phase).
 *
 * @param second whole seconds from the start of the load to when the requests were due
 * @param phase the phase they were sent in
 * @param sent how many were due (the offered load; never-sent ones included)
 * @param ok how many finally got a valid answer
 * @param failed how many did not
 * @param p50Ms median latency in milliseconds (nearest rank), null when none was sent
 * @param p99Ms the 99th percentile, likewise
 */
public record SecondStats(long second, String phase, long sent, long ok, long failed, Double p50Ms, Double p99Ms) {}
