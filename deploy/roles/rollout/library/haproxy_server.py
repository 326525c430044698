#!/usr/bin/python3
"""haproxy_server: move one server of an HAProxy backend to DRAIN, MAINT or READY through the
runtime API (the admin socket), and wait, polling every `interval` seconds, until HAProxy
reports what the rollout needs before it goes on.

Why not community.general.haproxy: its drain path has hung for years, and its waits poll once
a second (Ansible's `until`/`delay` is whole seconds too). A rollout swaps one instance at a
time, so every second of polling is a second the backend runs short of an instance.

Commands and `show stat` columns are HAProxy's management guide's: "set server
<backend>/<server> state [ready|drain|maint]", and "9.1. CSV format" (scur: current sessions;
status: UP, DOWN, DRAIN, MAINT, "UP 1/2", ...; throttle: the slowstart percentage, empty
outside a slowstart).
"""
import csv
import socket
import time

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: haproxy_server
short_description: Drain, put in maintenance or make ready one HAProxy server, and wait for it
description:
  - C(state=drained) first waits until every other server of the backend has finished its
    slowstart ramp (show stat's throttle column is empty), so an instance goes out only once the
    one put back before it carries its full share; then sets the server to DRAIN (no new
    sessions, current ones finish), waits until its current sessions (scur) are 0, and sets it
    to MAINT (no traffic, no health checks). The ramp is waited for here, not after READY: the
    rollout's next steps (pre-flight, install) overlap it, and after a backend's last instance
    nothing waits for it at all.
  - C(state=ready) sets the server to READY and waits until HAProxy's health checks see it UP.
    Leaving MAINT, HAProxy 2.6 shows the result of the server's last check before MAINT until
    its next check runs (deploy/tests/test_haproxy_server.py pins it), so UP right after READY
    can be that earlier result: the rollout role checks the instance's own /health and smoke
    calls before it makes the instance READY.
  - C(state=maint) only sets MAINT.
  - Fails, naming the server and its last status and sessions, when the wait exceeds I(timeout).
options:
  socket: {description: Path of HAProxy's admin socket (stats socket ... level admin)., type: path, required: true}
  backend: {description: The backend (proxy) name., type: str, required: true}
  server: {description: The server name inside the backend., type: str, required: true}
  state: {description: Where to take the server., type: str, required: true, choices: [drained, maint, ready]}
  timeout: {description: Seconds to wait for the other servers' slowstart ramps and again for zero sessions (drained), or for UP (ready)., type: float, default: 30}
  interval: {description: Seconds between two polls of show stat., type: float, default: 0.1}
"""

EXAMPLES = r"""
- name: Take prod-payments-1 out of HAProxy.
  haproxy_server:
    socket: /var/lib/tollgate/production/haproxy/admin.sock
    backend: payments
    server: prod-payments-1
    state: drained
"""

RETURN = r"""
status: {description: The server's status in show stat when the module finished (e.g. MAINT, UP)., type: str, returned: always}
sessions: {description: Its current sessions (scur) then., type: int, returned: always}
waited: {description: Seconds spent waiting for zero sessions or for UP, to the millisecond., type: float, returned: always}
ramped: {description: Seconds spent first waiting for the other servers' slowstart ramps (drained only)., type: float, returned: always}
"""


def runtime_api(path, command):
    """Send one runtime API command; returns HAProxy's whole answer as text."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(5)
        conn.connect(path)
        conn.sendall(command.encode() + b"\n")
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return b"".join(chunks).decode()
            chunks.append(chunk)


def backend_rows(path, backend):
    """The rows of `show stat` of the backend's servers (not FRONTEND/BACKEND), each a dict of
    strings keyed by column name."""
    lines = runtime_api(path, "show stat").splitlines()
    if not lines or not lines[0].startswith("# "):
        raise ValueError("not 'show stat' output: %r" % "\n".join(lines[:2]))
    header = lines[0][2:].split(",")
    records = (dict(zip(header, row)) for row in csv.reader(lines[1:]))
    return [r for r in records if r.get("pxname") == backend and r.get("svname") not in ("FRONTEND", "BACKEND")]


def server_row(path, backend, server):
    """The server's row of `show stat` as a dict of strings, or None when there is none."""
    return next((r for r in backend_rows(path, backend) if r["svname"] == server), None)


def main():
    module = AnsibleModule(
        argument_spec={
            "socket": {"type": "path", "required": True},
            "backend": {"type": "str", "required": True},
            "server": {"type": "str", "required": True},
            "state": {"type": "str", "required": True, "choices": ["drained", "maint", "ready"]},
            "timeout": {"type": "float", "default": 30},
            "interval": {"type": "float", "default": 0.1},
        },
        supports_check_mode=False,
    )
    p = module.params
    name = "%s/%s" % (p["backend"], p["server"])

    def row():
        try:
            found = server_row(p["socket"], p["backend"], p["server"])
        except (OSError, ValueError) as e:
            module.fail_json(msg="HAProxy's runtime API at %s: %s" % (p["socket"], e))
        if found is None:
            module.fail_json(msg="HAProxy has no server %s (runtime API at %s)" % (name, p["socket"]))
        return found

    def ramping():
        """The other servers of the backend still in their slowstart ramp."""
        try:
            rows = backend_rows(p["socket"], p["backend"])
        except (OSError, ValueError) as e:
            module.fail_json(msg="HAProxy's runtime API at %s: %s" % (p["socket"], e))
        return [r["svname"] for r in rows if r["svname"] != p["server"] and r.get("throttle", "")]

    def set_state(state):
        answer = runtime_api(p["socket"], "set server %s state %s" % (name, state)).strip()
        if answer:
            module.fail_json(msg="set server %s state %s: HAProxy answered %r" % (name, state, answer))

    def wait(done, what):
        start = time.monotonic()
        current = row()
        while not done(current):
            if time.monotonic() - start > p["timeout"]:
                module.fail_json(
                    msg="%s did not %s within %g s: status %s, %s sessions"
                    % (name, what, p["timeout"], current["status"], current["scur"]),
                    status=current["status"], sessions=int(current["scur"] or 0),
                    waited=round(time.monotonic() - start, 3))
            time.sleep(p["interval"])
            current = row()
        return current, round(time.monotonic() - start, 3)

    row()  # an unknown server fails here, before anything changes
    waited = ramped = 0.0
    if p["state"] == "drained":
        _, ramped = wait(lambda r: not ramping(), "see the backend's other servers end their slowstart ramp")
        set_state("drain")
        _, waited = wait(lambda r: r["scur"] in ("", "0"), "drain to 0 sessions")
        set_state("maint")
    elif p["state"] == "maint":
        set_state("maint")
    else:
        set_state("ready")
        _, waited = wait(lambda r: r["status"] == "UP", "come UP in HAProxy's health checks")
    final = row()
    module.exit_json(changed=True, status=final["status"], sessions=int(final["scur"] or 0), waited=waited, ramped=ramped)


if __name__ == "__main__":
    main()
