#!/usr/bin/env python3
"""pipeline_tool: the small programs ./pipeline needs Python for, one subcommand each.

    pipeline_tool.py yaml-check FILE...         YAML files that must parse (the inventories)
    pipeline_tool.py junit-summary DIR...       "N passed, N failed, N skipped" over DIR/**/TEST-*.xml
    pipeline_tool.py junit-counts DIR           "N tests, N failed" over DIR/TEST-*.xml
    pipeline_tool.py junit-failures DIR         one line per failed test of DIR/TEST-*.xml
    pipeline_tool.py haproxy-counters < CSV     each HAProxy frontend's requests and 5xx, as JSON
    pipeline_tool.py rollout-order PLAYBOOK     the service groups PLAYBOOK rolls out, in order
    pipeline_tool.py rollout-report DIR         the rollout bench's report (tools/bench/bench.bash), in rollout_report.py

Each prints exactly what the Python embedded in `pipeline` printed before it was split into
lib/pipeline/ (the same text for the same input), so the bash that calls it reads the same lines.

Exit status: 0 with the output; 1 from yaml-check for a file that is not YAML (the file, line
and column on stderr); 2, with a message on stderr naming the file (or stdin) and what is wrong
with it, when an input cannot be read or is malformed: a JUnit report that is not XML or whose
counts are not numbers, a show stat without the columns it needs, a bench report without the
fields the report prints. Usage errors exit 2 as well (argparse). Python 3 standard library and
PyYAML (Debian's python3-yaml) only.
"""
import argparse
import csv
import json
import sys

import yaml

from junit_reports import junit_counts, junit_failures, junit_summary
from rollout_report import rollout_report
from tool_input import InputError

PROG = "pipeline_tool"


# ---------------------------------------------------------------------------------------------
# yaml-check


def yaml_check(files):
    """yaml-check FILE...: every FILE parses as YAML (yaml.safe_load, PyYAML).

    Input: paths of YAML files (check_inventory passes an inventory's *.yml, sorted; through
    xargs, so none at all for an inventory without any, which passes).
    Output: nothing, exit 0, when all parse. At the first file that does not, stops and prints
    `FILE: line L, column C: PROBLEM` to stderr and exits 1: L and C count from 1 (PyYAML's
    Mark counts from 0), at the problem's mark or else its context's, and PROBLEM is PyYAML's
    problem text (or its context), e.g. "found character '\\t' that cannot start any token".
    A file PyYAML rejects before it has a mark (bytes that are not UTF-8 or UTF-16, a control
    character) is `FILE: PROBLEM` with PyYAML's own message on one line, exit 1 too.
    Errors: a file that cannot be opened or read: InputError (exit 2) naming it.
    Source: PyYAML's MarkedYAMLError (problem, problem_mark, context, context_mark) and Mark
    (0-based line and column), https://pyyaml.org/wiki/PyYAMLDocumentation.
    """
    for path in files:
        try:
            # Bytes: PyYAML picks UTF-8 or UTF-16 by BOM, as the YAML spec says, whatever the locale.
            with open(path, "rb") as f:
                yaml.safe_load(f)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
            print(f"{path}: {where}{e.problem or e.context}", file=sys.stderr)
            return 1
        except yaml.YAMLError as e:
            print(f"{path}: {str(e).replace(chr(10) + '  ', ' ')}", file=sys.stderr)
            return 1
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    return 0


# ---------------------------------------------------------------------------------------------
# Ansible


def rollout_order(path):
    """rollout-order PLAYBOOK: the service groups a rolling-update playbook rolls out, in its order.

    Input: the path of a playbook like deploy/rolling_update.yml: a list of plays, those that
    roll out naming the role `rollout` in `roles:` (a name, or a mapping with `role:` or `name:`)
    and the group in `hosts:`, possibly intersected with another (`vault:&rollout_first`).
    Output: each group once, one per line, in the order its first rolling play comes: for
    Tollgate's playbook "vault", "fraud", "payments". The rehearsal on staging upgrades in this
    order, so the order is written once, in the playbook production runs.
    Errors: a file that cannot be read, is not YAML, is not a list of plays, or has no play
    with the rollout role: InputError (exit 2) naming it.
    Source: Ansible's playbook keywords (https://docs.ansible.com/ansible/latest/reference_appendices/playbooks_keywords.html:
    hosts, roles) and host patterns ("Patterns: targeting hosts and groups": `a:&b` is a's
    hosts that are also in b).
    """
    try:
        with open(path, encoding="utf-8") as f:
            plays = yaml.safe_load(f)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    except yaml.YAMLError as e:
        raise InputError(f"{path}: not YAML: {str(e).splitlines()[0]}") from e
    if not isinstance(plays, list):
        raise InputError(f"{path}: not a list of plays")
    groups = []
    for play in plays:
        roles = (play.get("roles") or []) if isinstance(play, dict) else []
        names = [r if isinstance(r, str) else (r.get("role") or r.get("name")) for r in roles if isinstance(r, (str, dict))]
        if "rollout" in names:
            group = str(play.get("hosts") or "").split(":")[0].strip()
            if group and group not in groups:
                groups.append(group)
    if not groups:
        raise InputError(f"{path}: no play has the role rollout")
    print("\n".join(groups))
    return 0


# ---------------------------------------------------------------------------------------------
# HAProxy


def haproxy_counters(stream, name="stdin"):
    """haproxy-counters: what each HAProxy frontend has counted since HAProxy started, as JSON.

    Input (stdin): the CSV that HAProxy's runtime API answers to `show stat` (socat on the
    admin socket): a header line `# pxname,svname,qcur,...`, then one row per frontend, server
    and backend, and a blank line at the end. Blank lines are skipped; leading '#' and spaces of
    every line are dropped (that is how the header loses its "# ").
    Output: one line of JSON, {"payments": {"requests": N, "failed": N}, ...}: a key per FRONTEND
    row (svname "FRONTEND") in the CSV's order, except the `stats` proxy's; requests is the
    frontend's req_tot (HTTP requests received), failed its hrsp_5xx (responses with a 5xx
    status, HAProxy's own 502/503/504 included); an empty field counts 0. `{}` for no input.
    Errors: a header without pxname, svname, req_tot or hrsp_5xx, a count that is not a whole
    number, or input that cannot be read (not UTF-8): InputError (exit 2) naming stdin.
    Source: HAProxy's management guide, "9.1. CSV format": fields 0 pxname, 1 svname (FRONTEND
    for a frontend), 43 hrsp_5xx ("http responses with 5xx code") and 48 req_tot ("total number
    of HTTP requests received"), read here by name from the header line; "9.3. Unix Socket
    commands" for show stat (HAProxy 2.6 as Debian 12 ships it:
    /usr/share/doc/haproxy/management.txt.gz, docs.haproxy.org/2.6/management.html).
    """
    try:
        lines = [line.lstrip("# ") for line in stream if line.strip()]
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{name}: cannot read show stat: {e}") from e
    rows = csv.DictReader(lines)
    if lines:
        missing = [c for c in ("pxname", "svname", "req_tot", "hrsp_5xx") if c not in (rows.fieldnames or [])]
        if missing:
            raise InputError(f"{name}: show stat header has no column {', '.join(missing)}: {lines[0].strip()[:120]}")
    counters = {}
    for number, row in enumerate(rows, start=2):
        if row["svname"] != "FRONTEND" or row["pxname"] == "stats":
            continue
        try:
            counters[row["pxname"]] = {"requests": int(row["req_tot"] or 0), "failed": int(row["hrsp_5xx"] or 0)}
        except ValueError as e:
            raise InputError(f"{name}: line {number}: req_tot or hrsp_5xx of {row['pxname']} "
                             f"is not a whole number: {e}") from e
    print(json.dumps(counters))
    return 0


# ---------------------------------------------------------------------------------------------


def parser():
    """The command line: one subparser per subcommand, each calling its function."""
    top = argparse.ArgumentParser(prog="pipeline_tool.py", description=__doc__.splitlines()[0],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("yaml-check", help="every FILE parses as YAML")
    p.add_argument("files", nargs="*", metavar="FILE")  # none: nothing to check (xargs with no input)
    p.set_defaults(run=lambda a: yaml_check(a.files))
    p = sub.add_parser("junit-summary", help="N passed, N failed, N skipped over DIR/**/TEST-*.xml")
    p.add_argument("dirs", nargs="*", metavar="DIR")
    p.set_defaults(run=lambda a: junit_summary(a.dirs))
    p = sub.add_parser("junit-counts", help="N tests, N failed over DIR/TEST-*.xml")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(run=lambda a: junit_counts(a.dir))
    p = sub.add_parser("junit-failures", help="one line per failed test of DIR/TEST-*.xml")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(run=lambda a: junit_failures(a.dir))
    p = sub.add_parser("haproxy-counters", help="JSON of each frontend's req_tot and hrsp_5xx, from show stat on stdin")
    p.set_defaults(run=lambda a: haproxy_counters(sys.stdin))
    p = sub.add_parser("rollout-order", help="the groups a rolling-update playbook rolls out, in order")
    p.add_argument("playbook", metavar="PLAYBOOK")
    p.set_defaults(run=lambda a: rollout_order(a.playbook))
    p = sub.add_parser("rollout-report", help="the rollout bench's report from its directory")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(run=lambda a: rollout_report(a.dir))
    for command, action in sub.choices.items():
        action.description = globals()[command.replace("-", "_")].__doc__
        action.formatter_class = argparse.RawDescriptionHelpFormatter
    return top


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as e:
        print(f"{PROG} {args.command}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
