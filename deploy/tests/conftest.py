"""Fixtures for the tests of the Ansible modules and filter plugins under deploy/roles/.

Each module runs as Ansible runs it on the target: its own process under /usr/bin/python3 (the
inventories' interpreter_python), with its arguments in a JSON file, {"ANSIBLE_MODULE_ARGS":
{...}}, and its result as JSON on stdout ("Developing modules: debugging", Ansible docs). The
things a module talks to are real: an HTTP server on a loopback port the OS picks, HAProxy with
its admin socket in a throwaway directory, a throwaway PostgreSQL cluster made with initdb.
"""
import http.server
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import threading
import time

import pytest

DEPLOY = pathlib.Path(__file__).resolve().parents[1]
PYTHON = "/usr/bin/python3"
PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")


def module_path(name):
    """deploy/roles/<role>/library/<name>.py; fails the test when no role or two have it."""
    found = sorted(DEPLOY.glob("roles/*/library/%s.py" % name))
    assert len(found) == 1, "module %s: found %s" % (name, found)
    return found[0]


@pytest.fixture
def run_module(tmp_path):
    """run_module(name, **args) -> (exit status, the module's JSON result as a dict)."""
    def run(name, **args):
        args_file = tmp_path / ("%s-args.json" % name)
        args_file.write_text(json.dumps({"ANSIBLE_MODULE_ARGS": args}))
        done = subprocess.run([PYTHON, str(module_path(name)), str(args_file)],
                              capture_output=True, text=True, timeout=120)
        try:
            return done.returncode, json.loads(done.stdout)
        except ValueError:
            pytest.fail("module %s printed no JSON result: %s %s" % (name, done.stdout, done.stderr))
    return run


def wait_for(condition, what, timeout=10.0):
    """Polls condition() every 20 ms until it is true; fails the test naming `what` after timeout s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out after %g s waiting for %s" % (timeout, what))
        time.sleep(0.02)


class HttpService:
    """A threaded HTTP/1.1 server on 127.0.0.1:<port the OS picks>. `routes` maps a path to
    (status, body bytes) or to a function(handler) -> (status, body); unknown paths answer 404.
    `requests` records (method, path, body bytes) of every request."""

    def __init__(self):
        self.routes, self.requests = {}, []
        service = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                service.requests.append((self.command, self.path, body))
                route = service.routes.get(self.path, (404, b"not found"))
                status, text = route(self) if callable(route) else route
                self.send_response(status)
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)

            do_GET = do_POST = do_PUT = answer

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client (HAProxy's health check) that hung up early is no error here

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def http_service():
    service = HttpService()
    yield service
    service.close()


def free_port():
    """A loopback TCP port nothing listens on now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HAProxy:
    """HAProxy running `config` (a string, {dir} replaced by its directory) in the foreground
    (-db), with its admin socket at {dir}/admin.sock. A short directory under /tmp, since a unix
    socket's path must fit in 108 bytes (unix(7))."""

    def __init__(self, config):
        self.dir = tempfile.mkdtemp(prefix="hap")
        self.socket = os.path.join(self.dir, "admin.sock")
        path = os.path.join(self.dir, "haproxy.cfg")
        with open(path, "w") as f:
            f.write(config.replace("{dir}", self.dir))
        self.process = subprocess.Popen(["haproxy", "-db", "-f", path],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        wait_for(lambda: os.path.exists(self.socket) or self.process.poll() is not None,
                 "HAProxy's admin socket")
        if self.process.poll() is not None:
            pytest.fail("haproxy exited: %s" % self.process.stdout.read().decode())

    def command(self, text):
        """One runtime API command's answer, through socat as an operator would send it."""
        return subprocess.run(["socat", "-", "UNIX-CONNECT:" + self.socket], input=text + "\n",
                              capture_output=True, text=True, check=True).stdout

    def close(self):
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def haproxy():
    """haproxy(config) -> a running HAProxy; stopped at the end of the test."""
    started = []

    def start(config):
        started.append(HAProxy(config))
        return started[-1]
    yield start
    for proxy in started:
        proxy.close()


class Postgres:
    """A throwaway PostgreSQL 15 cluster owned by the postgres user, in a directory under /tmp
    that user can reach, listening on 127.0.0.1:<free port> and on a socket in that directory."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="pg")
        os.chmod(self.dir, 0o755)
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self.conninfo = "host=127.0.0.1 port=%d user=postgres" % self.port
        self.as_postgres(str(PG_BIN / "initdb"), "-D", self.data, "-A", "trust", "-U", "postgres",
                         "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8")
        self.start(self.data, self.port)

    def as_postgres(self, *command, check=True):
        return subprocess.run(["runuser", "-u", "postgres", "--"] + list(command),
                              capture_output=True, text=True, check=check, timeout=120)

    def start(self, data, port):
        """Starts a cluster on `data` (this one, or a copy of it) on `port`; waits until it serves."""
        self.as_postgres(str(PG_BIN / "pg_ctl"), "-D", data, "-w", "-l", data + ".log", "-o",
                         "-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=%s -c fsync=off"
                         % (port, self.dir), "start")

    def stop(self, data):
        self.as_postgres(str(PG_BIN / "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop", check=False)

    def sql(self, query, port=None):
        """psql -At output of `query` on database postgres, as text."""
        return self.as_postgres("psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(port or self.port),
                                "-d", "postgres", "-c", query).stdout.strip()


@pytest.fixture(scope="module")
def postgres():
    cluster = Postgres()
    yield cluster
    for data in pathlib.Path(cluster.dir).glob("*/postmaster.pid"):
        cluster.stop(str(data.parent))
    shutil.rmtree(cluster.dir, ignore_errors=True)
