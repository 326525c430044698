"""lib/pipeline/pipeline_tool.py, run as ./pipeline runs it, on real files in tmp_path.

The JUnit reports are written as Surefire 3 writes them (and one by pytest itself); the show stat
CSV in fixtures/ is what HAProxy 2.6.12 (Debian 12) answered on its admin socket, running
fixtures/haproxy-show-stat.cfg (unix sockets only) after 3 requests to payments (503: its
servers do not exist), 1 to fraud (503) and 2 to vault (200); fixtures/haproxy-states.txt is
what bench_sample_haproxy wrote against fixtures/haproxy-states.cfg while the runtime API set
prod-payments-2 to drain and ready, prod-payments-3 to drain, maint and ready, then
prod-payments-1 to drain and ready (its fourth line, an epoch and two spaces, comes from show
stat's closing blank line). The legacy programs
below are the ones embedded in `pipeline` at commit 90c6164, the last before the split: the
tool must print what they print.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import xml.sax.saxutils

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOL = ROOT / "lib" / "pipeline" / "pipeline_tool.py"
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"

# The Python embedded in `pipeline` at 90c6164, verbatim (check_inventory, junit_summary,
# junit_counts, junit_failures, haproxy_counters and bench_rollout's report).
LEGACY = {
    "yaml-check": '''
import sys, yaml
for path in sys.argv[1:]:
    try:
        with open(path) as f:
            yaml.safe_load(f)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        sys.exit(f"{path}: line {mark.line + 1}, column {mark.column + 1}: {e.problem or e.context}")
''',
    "junit-summary": '''
import glob, sys, xml.etree.ElementTree as ET
total = failed = skipped = 0
for d in sys.argv[1:]:
    for f in glob.glob(d + "/**/TEST-*.xml", recursive=True):
        for s in ET.parse(f).getroot().iter("testsuite"):
            total += int(s.get("tests", 0)); skipped += int(s.get("skipped", 0))
            failed += int(s.get("failures", 0)) + int(s.get("errors", 0))
print(f"{total - failed - skipped} passed, {failed} failed, {skipped} skipped")
''',
    "junit-counts": '''
import glob, sys, xml.etree.ElementTree as ET
t = f = 0
for p in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    s = ET.parse(p).getroot(); t += int(s.get("tests", 0)); f += int(s.get("failures", 0)) + int(s.get("errors", 0))
print(f"{t} tests, {f} failed")
''',
    "junit-failures": '''
import glob, sys, xml.etree.ElementTree as ET
for p in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    for case in ET.parse(p).getroot().iter("testcase"):
        problem = case.find("failure") if case.find("failure") is not None else case.find("error")
        if problem is not None:
            print(f"{case.get('classname')}.{case.get('name')}: {(problem.get('message') or '').splitlines()[0][:160] if problem.get('message') else problem.get('type')}")
''',
    "haproxy-counters": '''
import csv, json, sys
rows = csv.DictReader(line.lstrip("# ") for line in sys.stdin if line.strip())
print(json.dumps({r["pxname"]: {"requests": int(r["req_tot"] or 0), "failed": int(r["hrsp_5xx"] or 0)}
                  for r in rows if r["svname"] == "FRONTEND" and r["pxname"] != "stats"}))''',
    "rollout-report": '''
import json, statistics, sys
d = sys.argv[1]
def report(name):
    r = json.load(open(f"{d}/{name}/report.json"))["summary"]
    phases = {p["phase"]: p for p in r["phases"]}
    return r, phases
ours, op = report("ours")
naive, _ = report("naive")
print(f"rollout of 7 production instances under {json.load(open(d + '/ours/report.json'))['rate']} req/s")
print(f"  {'':10} {'requests':>9} {'failed':>7} {'lost':>5}")
for name, r in (("tollgate", ours), ("naive", naive)):
    print(f"  {name:10} {r['requests']:9} {r['failed']:7} {r['lost']['lost']:5}")
steady = op["before"]["p99_ms"]
during = op["during"]["p99_ms"]
print(f"  tollgate p99: steady {steady:.1f} ms, during {during:.1f} ms, ratio {during / steady:.2f} (target <= 1.5)")
# Swap time: from the moment HAProxy stops showing the server UP (DRAIN) until it is UP again.
left, swaps = {}, {}
for line in open(f"{d}/ours/haproxy-states.txt"):
    t, server, status = line.rstrip("\\n").split(" ", 2)
    if status != "UP" and server not in left and server not in swaps:
        left[server] = float(t)
    elif status == "UP" and server in left and server not in swaps:
        swaps[server] = float(t) - left.pop(server)
for server, s in sorted(swaps.items()):
    print(f"  swap {server:18} {s:5.1f} s")
if swaps:
    print(f"  median swap {statistics.median(swaps.values()):.1f} s over {len(swaps)} instances (target <= 8)")
''',
}


def tool(*args, stdin=""):
    """Runs pipeline_tool.py ARGS with `stdin`: (exit status, stdout, stderr)."""
    done = subprocess.run([sys.executable, str(TOOL), *map(str, args)], input=stdin, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def legacy(command, *args, stdin=""):
    """Runs the embedded program `command` replaced, as pipeline ran it: (exit status, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-c", LEGACY[command], *map(str, args)], input=stdin,
                          capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


# ---------------------------------------------------------------------------------------------
# Surefire's reports


def case(name, failure=None, error=None, skipped=None, time="0.004"):
    """A <testcase> as a dict: failure/error are (message or None, type); skipped a message."""
    return {"name": name, "failure": failure, "error": error, "skipped": skipped, "time": time}


def surefire_report(directory, classname, cases):
    """Writes DIR/TEST-<classname>.xml as maven-surefire-plugin 3 does and returns its path:
    one <testsuite> root with the schema attributes, properties, then a <testcase> per test, a
    failure or error with its message and type and the stack trace as CDATA."""
    attr = xml.sax.saxutils.quoteattr
    failures = sum(1 for c in cases if c["failure"])
    errors = sum(1 for c in cases if c["error"])
    skipped = sum(1 for c in cases if c["skipped"] is not None)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd" '
             f'version="3.0.2" name={attr(classname)} time="0.058" tests="{len(cases)}" errors="{errors}" '
             f'skipped="{skipped}" failures="{failures}">',
             '  <properties>',
             '    <property name="java.specification.version" value="17"/>',
             '    <property name="sun.jnu.encoding" value="UTF-8"/>',
             '  </properties>']
    for c in cases:
        head = f'  <testcase name={attr(c["name"])} classname={attr(classname)} time="{c["time"]}"'
        problem = ("failure", c["failure"]) if c["failure"] else ("error", c["error"]) if c["error"] else None
        if problem is None and c["skipped"] is None:
            lines.append(head + "/>")
            continue
        lines.append(head + ">")
        if problem:
            tag, (message, kind) = problem
            message_attr = f" message={attr(message, {chr(10): '&#10;'})}" if message is not None else ""
            lines.append(f'    <{tag}{message_attr} type={attr(kind)}><![CDATA[{kind}: {message or ""}\n'
                         f'\tat {classname}.{c["name"]}({classname.rsplit(".", 1)[-1]}.java:42)\n]]></{tag}>')
        else:
            lines.append(f'    <skipped message={attr(c["skipped"])}/>')
        lines.append("  </testcase>")
    lines.append("</testsuite>")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"TEST-{classname}.xml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def modules(tmp_path):
    """Two modules' target/ directories, as a build leaves them: unit and integration reports."""
    fraud, vault = tmp_path / "services" / "fraud" / "target", tmp_path / "services" / "vault" / "target"
    surefire_report(fraud / "surefire-reports", "dev.tollgate.fraud.RulesTest",
                    [case("aSmallDebitPasses"), case("aLargeDebitIsHeld"),
                     case("anUnknownCardIsRefused", failure=("\nexpected: 403\n but was: 200", "org.opentest4j.AssertionFailedError")),
                     case("aSlowCheck", skipped="@Disabled: flaky on 2 cores")])
    surefire_report(fraud / "failsafe-reports", "dev.tollgate.fraud.ServerIT",
                    [case("answersHealth"), case("startsOnItsPort", error=(None, "java.lang.NullPointerException"))])
    surefire_report(vault / "surefire-reports", "dev.tollgate.vault.TokensTest", [case(f"token{i}") for i in range(5)])
    return fraud, vault


# ---------------------------------------------------------------------------------------------
# yaml-check


def test_yaml_check_accepts_every_real_inventory_file_silently():
    files = sorted(ROOT.glob("deploy/inventories/**/*.yml"))
    assert len(files) >= 3
    assert tool("yaml-check", *files) == (0, "", "")


def test_yaml_check_names_the_file_line_column_and_problem_of_the_first_malformed_file(tmp_path):
    good, tabbed, unclosed = tmp_path / "a-good.yml", tmp_path / "b-tabbed.yml", tmp_path / "c-unclosed.yml"
    shutil.copy(ROOT / "deploy/inventories/production/hosts.yml", good)
    text = (ROOT / "deploy/inventories/production/hosts.yml").read_text()
    line = text.splitlines().index("        prod-lb: {ansible_host: 127.0.0.1}") + 1
    tabbed.write_text(text.replace("        prod-lb:", "\tprod-lb:"))
    unclosed.write_text("all: {hosts: [a\n")

    status, out, err = tool("yaml-check", good, tabbed, unclosed)

    assert (status, out) == (1, "")
    assert err == f"{tabbed}: line {line}, column 1: found character '\\t' that cannot start any token\n"


def test_yaml_check_reads_a_flow_collection_left_open_at_the_end_of_the_file(tmp_path):
    unclosed = tmp_path / "hosts.yml"
    unclosed.write_text("all: {hosts: [a\n")
    assert tool("yaml-check", unclosed) == (1, "", f"{unclosed}: line 2, column 1: expected ',' or ']', but got '<stream end>'\n")


def test_yaml_check_names_a_character_yaml_refuses_before_parsing_on_one_line(tmp_path):
    control = tmp_path / "all.yml"
    control.write_bytes(b"haproxy_retries: 3\x07\n")
    assert tool("yaml-check", control) == (1, "", f"{control}: unacceptable character #x0007: special characters are "
                                                  f'not allowed in "{control}", position 18\n')


def test_yaml_check_passes_when_given_no_files():
    # check_inventory passes the files through xargs: an inventory without any gives none.
    assert tool("yaml-check") == (0, "", "")


def test_yaml_check_refuses_a_file_it_cannot_read_with_status_2_naming_it(tmp_path):
    missing = tmp_path / "group_vars" / "all.yml"
    status, out, err = tool("yaml-check", missing)
    assert (status, out) == (2, "")
    assert err == f"pipeline_tool yaml-check: {missing}: cannot read: No such file or directory\n"


# ---------------------------------------------------------------------------------------------
# junit-summary, junit-counts, junit-failures


def test_junit_summary_sums_every_report_under_each_directory_at_any_depth(modules, tmp_path):
    # fraud: 4 + 2 tests, a failure, an error and a skip; vault: 5 tests that passed; the
    # fast tier's report right in tests/target; a verify run's, three directories down.
    surefire_report(tmp_path / "tests" / "target", "pipeline", [case("dispatches"), case("refuses")])
    surefire_report(tmp_path / "var" / "runs" / "r1" / "junit" / "verify", "dev.tollgate.verification.HealthIT",
                    [case("payments", failure=("503", "java.lang.AssertionError"))])
    dirs = [*modules, tmp_path / "tests" / "target", tmp_path / "var"]
    assert tool("junit-summary", *dirs) == (0, "10 passed, 3 failed, 1 skipped\n", "")


def test_junit_summary_counts_nothing_for_directories_that_do_not_exist(tmp_path):
    assert tool("junit-summary", tmp_path / "tests" / "target", tmp_path / "*" / "target") == \
        (0, "0 passed, 0 failed, 0 skipped\n", "")


def test_junit_summary_reads_the_testsuites_wrapped_report_pytest_writes(tmp_path):
    (tmp_path / "test_sample.py").write_text(
        "import pytest\n"
        "def test_passes(): assert True\n"
        "def test_fails(): assert 1 == 2\n"
        "@pytest.mark.skip(reason='not here')\n"
        "def test_skipped(): pass\n")
    report = tmp_path / "target" / "fast" / "TEST-pytest.xml"
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
                    str(tmp_path / "test_sample.py")], cwd=tmp_path, capture_output=True, check=False)
    assert report.read_text().startswith('<?xml version="1.0" encoding="utf-8"?><testsuites')

    assert tool("junit-summary", tmp_path / "target") == (0, "1 passed, 1 failed, 1 skipped\n", "")


def test_junit_summary_refuses_a_report_that_is_not_xml_with_status_2_naming_it(modules):
    broken = modules[1] / "failsafe-reports" / "TEST-dev.tollgate.vault.CutOffIT.xml"
    broken.parent.mkdir(parents=True)
    broken.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="dev.tollgate.vault.CutOffIT" tests="3"')
    status, out, err = tool("junit-summary", *modules)
    assert (status, out) == (2, "")
    assert err.startswith(f"pipeline_tool junit-summary: {broken}: not well-formed XML: ")
    assert "Traceback" not in err


def test_junit_summary_refuses_a_count_that_is_not_a_whole_number_naming_the_file(tmp_path):
    report = tmp_path / "target" / "TEST-x.xml"
    report.parent.mkdir()
    report.write_text('<testsuite name="x" tests="many" failures="0"/>')
    assert tool("junit-summary", tmp_path / "target") == \
        (2, "", f'pipeline_tool junit-summary: {report}: <testsuite> tests="many" is not a whole number\n')


def test_junit_counts_sums_tests_and_failures_plus_errors_of_the_directory_only(modules, tmp_path):
    reports = tmp_path / "failsafe-reports"
    surefire_report(reports, "dev.tollgate.acceptance.DebitIT",
                    [case("debits"), case("refunds", failure=("expected 201", "java.lang.AssertionError"))])
    surefire_report(reports, "dev.tollgate.acceptance.CardIT",
                    [case("issues"), case("blocks", error=("Connection refused", "java.net.ConnectException")), case("later", skipped="")])
    surefire_report(reports / "nested", "dev.tollgate.acceptance.NotCountedIT", [case("x"), case("y")])
    assert tool("junit-counts", reports) == (0, "5 tests, 2 failed\n", "")


def test_junit_counts_counts_nothing_in_a_directory_that_does_not_exist(tmp_path):
    assert tool("junit-counts", tmp_path / "failsafe-reports") == (0, "0 tests, 0 failed\n", "")


def test_junit_counts_refuses_a_report_that_is_not_xml_with_status_2_naming_it(tmp_path):
    report = tmp_path / "TEST-dev.tollgate.X.xml"
    report.write_text("Exception in thread main\n")
    status, out, err = tool("junit-counts", tmp_path)
    assert (status, out) == (2, "")
    assert err.startswith(f"pipeline_tool junit-counts: {report}: not well-formed XML: syntax error: line 1, column 0")


def test_junit_failures_prints_class_name_and_first_message_line_or_type_of_each_failed_test(tmp_path):
    long = "Expected status 200 from /v1/debits " + "x" * 200 + "\nsecond line"
    surefire_report(tmp_path, "dev.tollgate.acceptance.DebitIT", [
        case("debits"),
        case("refunds", failure=(long, "java.lang.AssertionError")),
        case("holds", error=(None, "java.lang.NullPointerException")),
        case("cards", error=("Connection refused", "java.net.ConnectException")),
        case("later", skipped="not yet")])

    status, out, err = tool("junit-failures", tmp_path)

    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "dev.tollgate.acceptance.DebitIT.refunds: " + long[:160],
        "dev.tollgate.acceptance.DebitIT.holds: java.lang.NullPointerException",
        "dev.tollgate.acceptance.DebitIT.cards: Connection refused"]


def test_junit_failures_refuses_a_report_that_is_not_xml_with_status_2_naming_it(tmp_path):
    report = tmp_path / "TEST-dev.tollgate.X.xml"
    report.write_text("<testsuite><testcase name='a'></testsuite>")
    status, out, err = tool("junit-failures", tmp_path)
    assert (status, out) == (2, "")
    assert err.startswith(f"pipeline_tool junit-failures: {report}: not well-formed XML: mismatched tag")


# ---------------------------------------------------------------------------------------------
# haproxy-counters


def test_haproxy_counters_reads_req_tot_and_hrsp_5xx_of_each_frontend_but_stats_from_show_stat():
    show_stat = (FIXTURES / "haproxy-show-stat.csv").read_text()
    assert show_stat.startswith("# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,")

    assert tool("haproxy-counters", stdin=show_stat) == (
        0, '{"payments": {"requests": 3, "failed": 3}, "fraud": {"requests": 1, "failed": 1}, '
           '"vault": {"requests": 2, "failed": 0}}\n', "")


def test_haproxy_counters_prints_an_empty_object_for_no_input():
    # socat prints nothing when HAProxy's socket is stale (HAProxy stopped without removing it).
    assert tool("haproxy-counters", stdin="") == (0, "{}\n", "")


def test_haproxy_counters_refuses_a_header_without_the_columns_it_reads_naming_stdin():
    status, out, err = tool("haproxy-counters", stdin="# pxname,svname,scur\npayments,FRONTEND,0\n\n")
    assert (status, out) == (2, "")
    assert err == "pipeline_tool haproxy-counters: stdin: show stat header has no column req_tot, hrsp_5xx: pxname,svname,scur\n"


def test_haproxy_counters_refuses_a_count_that_is_not_a_whole_number_naming_the_line():
    header, *rows = (FIXTURES / "haproxy-show-stat.csv").read_text().splitlines()
    columns = header[2:].split(",")
    row = rows[0].split(",")
    row[columns.index("req_tot")] = "3k"
    status, out, err = tool("haproxy-counters", stdin="\n".join([header, ",".join(row)]) + "\n")
    assert (status, out) == (2, "")
    assert err.startswith("pipeline_tool haproxy-counters: stdin: line 2: req_tot or hrsp_5xx of payments is not a whole number")


# ---------------------------------------------------------------------------------------------
# rollout-order


def test_rollout_order_reads_the_groups_of_the_real_rolling_update_in_the_order_production_rolls_them():
    assert tool("rollout-order", ROOT / "deploy" / "rolling_update.yml") == (0, "vault\nfraud\npayments\n", "")


def test_rollout_order_follows_the_playbook_once_per_group_whatever_the_role_spelling(tmp_path):
    playbook = tmp_path / "rolling.yml"
    playbook.write_text("- hosts: all\n  tasks: []\n"
                        "- hosts: ledger:&rollout_first\n  roles: [rollout]\n"
                        "- hosts: ledger:&rollout_then\n  roles: [{role: rollout}]\n"
                        "- hosts: bank\n  roles: [java_service]\n"
                        "- hosts: api\n  roles: [{name: rollout, vars: {x: 1}}]\n")
    assert tool("rollout-order", playbook) == (0, "ledger\napi\n", "")


def test_rollout_order_refuses_a_playbook_without_a_rolling_play_naming_it():
    deploy = ROOT / "deploy" / "deploy.yml"
    assert tool("rollout-order", deploy) == (2, "", f"pipeline_tool rollout-order: {deploy}: no play has the role rollout\n")


def test_rollout_order_refuses_yaml_that_is_not_a_list_of_plays_naming_it(tmp_path):
    playbook = tmp_path / "rolling.yml"
    playbook.write_text("hosts: vault\n")
    assert tool("rollout-order", playbook) == (2, "", f"pipeline_tool rollout-order: {playbook}: not a list of plays\n")
    playbook.write_text("- hosts: [vault\n")
    status, out, err = tool("rollout-order", playbook)
    assert (status, out) == (2, "") and err.startswith(f"pipeline_tool rollout-order: {playbook}: not YAML: ")


# ---------------------------------------------------------------------------------------------
# rollout-report


def probe_report(path, rate, requests, failed, lost, phases):
    """Writes a rollout probe report.json (tools/rollout-probe's JsonReport shape) to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "run_id": "bench", "target": "http://127.0.0.1:8080", "rate": rate, "started_at": "2026-12-02T09:00:00Z",
        "duration_seconds": 140.2, "passed": failed == 0 and lost == 0,
        "summary": {"requests": requests, "failed": failed, "retried": 3, "not_sent": 0, "p50_ms": 4.1, "p99_ms": 19.5,
                    "phases": [{"phase": p, "requests": requests // len(phases), "failed": 0, "p50_ms": 4.0, "p99_ms": p99}
                               for p, p99 in phases.items()],
                    "lost": {"checked": True, "acknowledged": 900, "lost": lost, "lost_ids": [], "error": None},
                    "instances": {"prod-payments-1": requests // 2, "prod-payments-2": requests - requests // 2},
                    "kinds": {"POST /v1/debits": requests}},
        "failures": [], "series": []}, indent=2) + "\n")


@pytest.fixture
def bench(tmp_path):
    """A rollout bench's directory: both probe reports and the real sampler's states."""
    d = tmp_path / "rollout-20261202T090000Z"
    probe_report(d / "ours" / "report.json", 100, 14020, 0, 0,
                 {"warmup": 40.0, "before": 12.25, "during": 14.7, "after": 12.0})
    probe_report(d / "naive" / "report.json", 100, 13990, 412, 3, {"warmup": 40.0, "before": 12.0, "during": 850.0})
    shutil.copy(FIXTURES / "haproxy-states.txt", d / "ours" / "haproxy-states.txt")
    return d


def test_rollout_report_prints_both_rollouts_our_p99_ratio_and_each_swap_with_their_median(bench):
    assert tool("rollout-report", bench) == (0, "\n".join([
        "rollout of 7 production instances under 100 req/s",
        "              requests  failed  lost",
        "  tollgate       14020       0     0",
        "  naive          13990     412     3",
        "  tollgate p99: steady 12.2 ms, during 14.7 ms, ratio 1.20 (target <= 1.5)",
        "  swap prod-payments-1      1.0 s",
        "  swap prod-payments-2      0.4 s",
        "  swap prod-payments-3      2.1 s",
        "  median swap 1.0 s over 3 instances (target <= 8)"]) + "\n", "")


def test_rollout_report_prints_no_median_when_no_server_left_up(bench):
    (bench / "ours" / "haproxy-states.txt").write_text("1796202839.790893069 prod-payments-1 UP\n")
    status, out, _ = tool("rollout-report", bench)
    assert status == 0
    assert "swap" not in out
    assert out.splitlines()[-1].startswith("  tollgate p99:")


def test_rollout_report_refuses_a_missing_probe_report_with_status_2_naming_it(bench):
    (bench / "naive" / "report.json").unlink()
    assert tool("rollout-report", bench) == \
        (2, "", f"pipeline_tool rollout-report: {bench}/naive/report.json: cannot read: No such file or directory\n")


def test_rollout_report_refuses_a_report_without_the_steady_phase_naming_it(bench):
    probe_report(bench / "ours" / "report.json", 100, 10, 0, 0, {"during": 14.7})
    assert tool("rollout-report", bench) == (2, "", f"pipeline_tool rollout-report: {bench}/ours/report.json: "
                                                    'summary.phases has no phase "before" (phases: during)\n')


def test_rollout_report_refuses_a_steady_p99_of_zero_that_leaves_no_ratio_naming_the_file(bench):
    probe_report(bench / "ours" / "report.json", 100, 10, 0, 0, {"before": 0.0, "during": 14.7})
    assert tool("rollout-report", bench) == \
        (2, "", f"pipeline_tool rollout-report: {bench}/ours/report.json: phase before's p99_ms is 0: no ratio to it\n")


def test_rollout_report_refuses_a_null_lost_count_naming_the_field(bench):
    # The probe writes "lost": null when it could not check the database.
    report = json.loads((bench / "naive" / "report.json").read_text())
    report["summary"]["lost"] = {"checked": False, "acknowledged": 900, "lost": None, "lost_ids": [], "error": "refused"}
    (bench / "naive" / "report.json").write_text(json.dumps(report))
    assert tool("rollout-report", bench) == (2, "", f"pipeline_tool rollout-report: {bench}/naive/report.json: no summary.lost.lost\n")


def test_rollout_report_refuses_a_states_line_that_is_not_epoch_server_status_naming_it(bench):
    with open(bench / "ours" / "haproxy-states.txt", "a") as f:
        f.write("prod-payments-1 DRAIN\n")
    assert tool("rollout-report", bench) == (2, "", f"pipeline_tool rollout-report: {bench}/ours/haproxy-states.txt: "
                                                    "line 12 is not 'EPOCH SERVER STATUS': 'prod-payments-1 DRAIN'\n")


# ---------------------------------------------------------------------------------------------
# The same output as the code it replaced, and the tool's own shape


def test_every_subcommand_prints_what_the_embedded_program_it_replaced_printed(modules, bench, tmp_path):
    tabbed = tmp_path / "hosts.yml"
    tabbed.write_text((ROOT / "deploy/inventories/staging/hosts.yml").read_text().replace("        staging-lb:", "\tstaging-lb:"))
    surefire_report(tmp_path / "it", "dev.tollgate.X", [
        case("a", failure=("first\nsecond", "java.lang.AssertionError")),
        case("b", error=(None, "java.lang.IllegalStateException")), case("c")])
    # pytest's report: a <testsuites> root around the <testsuite> that holds the counts.
    pytest_dir = tmp_path / "pytest"
    pytest_dir.mkdir()
    (pytest_dir / "TEST-pytest.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" '
        'failures="1" skipped="0" tests="2" time="0.1"><testcase classname="t" name="a" time="0.01"/>'
        '<testcase classname="t" name="b" time="0.01"><failure message="assert 1 == 2">x</failure></testcase>'
        '</testsuite></testsuites>')
    show_stat = (FIXTURES / "haproxy-show-stat.csv").read_text()
    runs = [("yaml-check", [*sorted(ROOT.glob("deploy/inventories/**/*.yml"))], ""),
            ("yaml-check", [], ""),
            ("junit-summary", [], ""),
            ("yaml-check", [ROOT / "deploy/inventories/bank/hosts.yml", tabbed], ""),
            ("junit-summary", [*modules, tmp_path / "none"], ""),
            ("junit-counts", [modules[0] / "surefire-reports"], ""),
            ("junit-counts", [pytest_dir], ""),
            ("junit-failures", [tmp_path / "it"], ""),
            ("junit-failures", [modules[0] / "failsafe-reports"], ""),
            ("junit-failures", [modules[0] / "surefire-reports"], ""),
            ("haproxy-counters", [], show_stat),
            ("haproxy-counters", [], ""),
            ("rollout-report", [bench], "")]
    for command, args, stdin in runs:
        assert tool(command, *args, stdin=stdin) == legacy(command, *args, stdin=stdin), (command, args)


def test_the_tool_is_executable_and_documents_each_subcommand_input_output_errors_and_source():
    assert os.access(TOOL, os.X_OK)
    sys.path.insert(0, str(TOOL.parent))
    try:
        import pipeline_tool
    finally:
        sys.path.remove(str(TOOL.parent))
    assert pipeline_tool.__doc__
    for command in ("yaml-check", "junit-summary", "junit-counts", "junit-failures", "haproxy-counters",
                    "rollout-order", "rollout-report"):
        doc = getattr(pipeline_tool, command.replace("-", "_")).__doc__
        for part in (command, "Input", "Output:", "Errors:", "Source:"):
            assert part in doc, (command, part)
    assert "9.1. CSV format" in pipeline_tool.haproxy_counters.__doc__
