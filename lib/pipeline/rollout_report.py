"""rollout_report: the rollout bench's report (./pipeline bench rollout), for pipeline_tool.py rollout-report.

Reads the directory tools/bench/bench.bash writes (the rollout probe's two reports and the
HAProxy status samples) and prints the figures the bench prints. Python 3 standard library only.
"""
import json
import os
import statistics

from tool_input import InputError, field, number


def probe_report(directory, name):
    """The rollout probe's report DIR/NAME/report.json: (path, the report, its summary's phases by name)."""
    path = os.path.join(directory, name, "report.json")
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    except ValueError as e:
        raise InputError(f"{path}: not JSON: {e}") from e
    phases = {}
    for phase in field(path, report, "summary", "phases"):
        phases[field(path, phase, "phase")] = phase
    return path, report, phases


def phase_named(path, phases, name):
    """The phase `name` of a report's summary.phases; InputError naming `path` when it has none."""
    if name not in phases:
        known = ", ".join(map(str, phases)) or "none"
        raise InputError(f"{path}: summary.phases has no phase \"{name}\" (phases: {known})")
    return phases[name]


def swap_times(path):
    """{server: seconds from leaving UP until UP again} from the sampler's `EPOCH SERVER STATUS` lines.

    Only each server's first swap counts: from the first line where it is not UP (DRAIN, MAINT,
    DOWN) until its next UP. InputError naming `path` and the line when one is not three fields
    with an epoch, or the file cannot be read.
    """
    left, swaps = {}, {}
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                try:
                    t, server, status = line.rstrip("\n").split(" ", 2)
                    at = float(t)
                except ValueError as e:
                    raise InputError(f"{path}: line {number} is not 'EPOCH SERVER STATUS': "
                                     f"{line.rstrip()[:120]!r}") from e
                if status != "UP" and server not in left and server not in swaps:
                    left[server] = at
                elif status == "UP" and server in left and server not in swaps:
                    swaps[server] = at - left.pop(server)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from e
    return swaps


def rollout_report(directory):
    """rollout-report DIR: the rollout bench's report (./pipeline bench rollout), from its files.

    Input: the bench's directory (var/bench/rollout-<time>/) holding
      ours/report.json, naive/report.json  the rollout probe's reports (tools/rollout-probe,
          JsonReport: {"rate", "summary": {"requests", "failed", "lost": {"lost"},
          "phases": [{"phase", "p99_ms"}]}}) of Tollgate's rolling update and of the naive
          stop-all/start-all deploy, each under the same load;
      ours/haproxy-states.txt  `EPOCH SERVER STATUS` whenever a server's status in HAProxy
          changed during our rollout (bench_sample_haproxy; STATUS is show stat's `status`).
    Output: the rate; requests, failed and lost of both; our p99 in the phase "before" (steady
    state) and "during" (the rollout) and their ratio; each server's swap time (from the first
    line where it is not UP until it is UP again), sorted by name; their median and count when
    there is any. Exactly the lines the bench printed before pipeline was split.
    Errors: a report.json or haproxy-states.txt that cannot be read, is not JSON, lacks (or has
    null for) a field printed, has a steady p99 of 0 (no ratio), or a states line that is not
    three fields: InputError (exit 2) naming the file.
    Source: tools/rollout-probe's JsonReport (the report's shape); HAProxy's management guide,
    "9.1. CSV format", field 17 status (UP, DOWN, NOLB, MAINT, DRAIN, ...; "UP 1/3" while a
    check is failing counts as not UP), which bench_sample_haproxy prints.
    """
    ours_path, ours_report, op = probe_report(directory, "ours")
    naive_path, naive_report, _ = probe_report(directory, "naive")
    rows = []
    for name, path, report in (("tollgate", ours_path, ours_report), ("naive", naive_path, naive_report)):
        rows.append((name, number(path, report, "summary", "requests"), number(path, report, "summary", "failed"),
                     number(path, report, "summary", "lost", "lost")))
    rate = field(ours_path, ours_report, "rate")
    steady, during = (number(ours_path, phase_named(ours_path, op, name), "p99_ms", where=f"phase {name}'s ")
                      for name in ("before", "during"))
    if steady == 0:
        raise InputError(f"{ours_path}: phase before's p99_ms is 0: no ratio to it")
    swaps = swap_times(os.path.join(directory, "ours", "haproxy-states.txt"))

    print(f"rollout of 7 production instances under {rate} req/s")
    print(f"  {'':10} {'requests':>9} {'failed':>7} {'lost':>5}")
    for name, requests, failed, lost in rows:
        print(f"  {name:10} {requests:9} {failed:7} {lost:5}")
    print(f"  tollgate p99: steady {steady:.1f} ms, during {during:.1f} ms, ratio {during / steady:.2f} (target <= 1.5)")
    for server, s in sorted(swaps.items()):
        print(f"  swap {server:18} {s:5.1f} s")
    if swaps:
        print(f"  median swap {statistics.median(swaps.values()):.1f} s over {len(swaps)} instances (target <= 8)")
    return 0
