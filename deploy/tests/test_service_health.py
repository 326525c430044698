"""service_health (roles/java_service) against a real HTTP service on a loopback port."""
import json
import subprocess

from conftest import free_port

VERSION = "20261202.101500-gabc1234"


def health(version, status=200, state="UP"):
    return status, json.dumps({"service": "payments", "version": version, "status": state}).encode()


def test_answers_once_health_reports_200_with_the_version(http_service, run_module):
    http_service.routes["/health"] = health(VERSION)
    rc, result = run_module("service_health", url=http_service.url + "/health", version=VERSION)
    assert rc == 0, result
    assert result["status"] == 200 and result["json"]["version"] == VERSION
    assert result["changed"] is False


def test_waits_while_the_instance_is_draining_or_runs_another_version(http_service, run_module):
    answers = [health("20261201.090000-old0000", 503, "DRAINING"), health("20261201.090000-old0000")]
    http_service.routes["/health"] = lambda _: answers.pop(0) if answers else health(VERSION)
    rc, result = run_module("service_health", url=http_service.url + "/health", version=VERSION,
                            timeout=10, interval=0.05)
    assert rc == 0, result
    assert [r[1] for r in http_service.requests] == ["/health"] * 3
    assert result["waited"] >= 0.1, "two polls 0.05 s apart came before the answer"


def test_fails_naming_the_url_and_what_it_answered_when_the_version_never_comes(http_service, run_module):
    http_service.routes["/health"] = health("20261201.090000-old0000")
    url = http_service.url + "/health"
    rc, result = run_module("service_health", url=url, version=VERSION, timeout=0.3)
    assert rc == 1
    assert result["msg"].startswith("%s answered 200 within 0.3 s, not 200 with version %s" % (url, VERSION))
    assert "20261201.090000-old0000" in result["msg"]


def test_fails_saying_nothing_answered_when_no_instance_listens(run_module):
    url = "http://127.0.0.1:%d/health" % free_port()
    rc, result = run_module("service_health", url=url, version=VERSION, timeout=0.2)
    assert rc == 1
    assert result["msg"].startswith("%s answered nothing within 0.2 s" % url)
    assert result["status"] == 0


def test_fails_at_once_when_the_instances_process_has_exited(tmp_path, run_module):
    """A release that refuses its configuration exits at once: the wait must not last the timeout."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    pid_file = tmp_path / "service.pid"
    pid_file.write_text("%d\n" % dead.pid)
    url = "http://127.0.0.1:%d/health" % free_port()
    rc, result = run_module("service_health", url=url, version=VERSION, timeout=10, pid_file=str(pid_file))
    assert rc == 1
    assert result["msg"].startswith("the instance's process (pid %d of %s) exited after" % (dead.pid, pid_file))
    assert result["waited"] < 2


def test_keeps_waiting_while_the_instances_process_lives(http_service, tmp_path, run_module):
    alive = subprocess.Popen(["sleep", "30"])
    try:
        pid_file = tmp_path / "service.pid"
        pid_file.write_text("%d\n" % alive.pid)
        answers = [health("20261201.090000-old0000", 503, "DRAINING")] * 3
        http_service.routes["/health"] = lambda _: answers.pop(0) if answers else health(VERSION)
        rc, result = run_module("service_health", url=http_service.url + "/health", version=VERSION,
                                timeout=10, interval=0.05, pid_file=str(pid_file))
        assert rc == 0, result
    finally:
        alive.kill()
        alive.wait()
