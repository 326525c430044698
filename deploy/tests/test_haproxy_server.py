"""haproxy_server (roles/rollout) and the haproxy_stat filter, against a running HAProxy whose
backend's servers are a real HTTP service; requests reach it through a frontend on a unix socket."""
import http.client
import importlib.util
import socket
import threading

import pytest

from conftest import DEPLOY, wait_for

CONFIG = """
global
    stats socket {dir}/admin.sock mode 600 level admin
defaults
    mode http
    timeout connect 1s
    timeout client 10s
    timeout server 10s
    default-server check inter 100ms fastinter 100ms downinter 100ms fall 1 rise 1
frontend payments
    bind unix@{dir}/payments.sock
    default_backend payments
backend payments
    option httpchk GET /health
    http-check expect status 200
    server prod-payments-1 127.0.0.1:%(port)d
    server prod-payments-2 127.0.0.1:%(port)d slowstart 1s
    server prod-payments-3 127.0.0.1:%(port)d inter 1s fastinter 1s downinter 1s
"""


class UnixHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a unix socket (HAProxy's frontend here)."""

    def __init__(self, path):
        super().__init__("localhost", timeout=10)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def status_of(proxy, server):
    """The server's status column of show stat, through the haproxy_stat filter."""
    rows = haproxy_stat(proxy.command("show stat"))
    return next(r["status"] for r in rows if r["pxname"] == "payments" and r["svname"] == server)


def load_filter():
    spec = importlib.util.spec_from_file_location(
        "haproxy_stat", DEPLOY / "roles/rollout/filter_plugins/haproxy_stat.py")
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    return plugin.FilterModule().filters()["haproxy_stat"]


haproxy_stat = load_filter()


@pytest.fixture
def backend(haproxy, http_service):
    """HAProxy with backend payments of two servers, both UP, on http_service."""
    http_service.routes["/health"] = (200, b'{"status": "UP"}')
    proxy = haproxy(CONFIG % {"port": http_service.port})
    for server in ("prod-payments-1", "prod-payments-2", "prod-payments-3"):
        wait_for(lambda: status_of(proxy, server) == "UP", server + " UP")
    return proxy


def hold_session(proxy, http_service):
    """Opens a request through the frontend that the service answers only when the returned
    event is set; returns (the event, the thread that sends it)."""
    release, arrived = threading.Event(), threading.Event()

    def slow(_handler):
        arrived.set()
        release.wait(20)
        return 200, b"done"
    http_service.routes["/slow"] = slow

    def send():
        conn = UnixHTTPConnection(proxy.dir + "/payments.sock")
        conn.request("GET", "/slow")
        conn.getresponse().read()
        conn.close()
    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    assert arrived.wait(5), "the slow request never reached the service"
    return release, thread


def server_with_session(proxy):
    """The name of the server whose scur is 1."""
    rows = haproxy_stat(proxy.command("show stat"))
    return next(r["svname"] for r in rows if r["pxname"] == "payments"
                and r["svname"].startswith("prod-") and r["scur"] == "1")


def test_drained_waits_for_open_sessions_to_finish_then_sets_maint(backend, http_service, run_module):
    release, thread = hold_session(backend, http_service)
    server = server_with_session(backend)
    threading.Timer(0.5, release.set).start()
    rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                            server=server, state="drained", timeout=10)
    assert rc == 0, result
    assert result["status"] == "MAINT" and result["sessions"] == 0
    assert result["waited"] >= 0.4, "returned before the open session finished"
    thread.join(5)
    assert status_of(backend, server) == "MAINT"


def test_drained_fails_naming_the_server_and_its_sessions_when_they_outlast_the_timeout(
        backend, http_service, run_module):
    release, _ = hold_session(backend, http_service)
    server = server_with_session(backend)
    try:
        rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                                server=server, state="drained", timeout=0.5)
    finally:
        release.set()
    assert rc == 1 and result["failed"]
    assert "payments/%s did not drain to 0 sessions within 0.5 s" % server in result["msg"]
    assert result["sessions"] == 1
    assert status_of(backend, server) == "DRAIN", "a failed drain must not put the server in MAINT"


def test_ready_returns_once_the_health_checks_see_the_server_up(backend, run_module):
    backend.command("set server payments/prod-payments-2 state maint")
    rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                            server="prod-payments-2", state="ready", timeout=10)
    assert rc == 0, result
    assert result["status"] == "UP"
    assert result["ramped"] == 0


def test_drained_first_waits_for_the_other_servers_slowstart_ramp(backend, run_module):
    backend.command("set server payments/prod-payments-2 state maint")
    rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                            server="prod-payments-2", state="ready", timeout=10)
    assert rc == 0, result
    rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                            server="prod-payments-1", state="drained", timeout=10)
    assert rc == 0, result
    assert result["status"] == "MAINT"
    assert result["ramped"] >= 0.5, "drained while prod-payments-2 was still in its 1 s slowstart ramp"
    row = next(r for r in haproxy_stat(backend.command("show stat"))
               if r["svname"] == "prod-payments-2")
    assert row["throttle"] == ""


def test_ready_fails_when_the_health_check_never_passes(backend, http_service, run_module):
    http_service.routes["/health"] = (503, b'{"status": "DRAINING"}')
    wait_for(lambda: status_of(backend, "prod-payments-1") == "DOWN", "prod-payments-1 DOWN")
    rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                            server="prod-payments-1", state="ready", timeout=0.5)
    assert rc == 1
    assert "payments/prod-payments-1 did not come UP in HAProxy's health checks within 0.5 s" in result["msg"]
    assert result["status"] == "DOWN"


def test_leaving_maint_shows_the_last_check_before_maint_until_the_next_check(backend, http_service):
    """Why the rollout checks /health itself before READY (see the module's description).
    prod-payments-3 is checked once a second, so the next check comes well after the READY."""
    backend.command("set server payments/prod-payments-3 state maint")
    http_service.routes["/health"] = (503, b'{"status": "DRAINING"}')
    backend.command("set server payments/prod-payments-3 state ready")
    assert status_of(backend, "prod-payments-3") == "UP"
    wait_for(lambda: status_of(backend, "prod-payments-3") == "DOWN", "the next check", timeout=5)


def test_an_unknown_server_fails_before_anything_changes(backend, run_module):
    rc, result = run_module("haproxy_server", socket=backend.socket, backend="payments",
                            server="prod-payments-9", state="drained")
    assert rc == 1
    assert "HAProxy has no server payments/prod-payments-9" in result["msg"]
    assert {status_of(backend, "prod-payments-%d" % n) for n in (1, 2, 3)} == {"UP"}


def test_a_missing_admin_socket_fails_naming_its_path(tmp_path, run_module):
    rc, result = run_module("haproxy_server", socket=str(tmp_path / "admin.sock"),
                            backend="payments", server="prod-payments-1", state="maint")
    assert rc == 1
    assert "HAProxy's runtime API at %s" % (tmp_path / "admin.sock") in result["msg"]


def test_haproxy_stat_reads_every_row_of_show_stat(backend):
    rows = haproxy_stat(backend.command("show stat"))
    names = {(r["pxname"], r["svname"]) for r in rows}
    assert {("payments", "FRONTEND"), ("payments", "BACKEND"),
            ("payments", "prod-payments-1"), ("payments", "prod-payments-2")} <= names
    assert all(r["status"] for r in rows)


def test_haproxy_stat_rejects_text_that_is_not_show_stat():
    with pytest.raises(ValueError, match="not HAProxy 'show stat' output"):
        haproxy_stat("Unknown command. Please enter one of the following commands only :")
