#!/usr/bin/python3
"""service_health: wait until a service's /health answers 200 with the expected version,
polling every `interval` seconds (Ansible's `until`/`delay` polls in whole seconds, and a
rollout's instance is out of the load balancer for every one of them).

/health is Tollgate's health check (services/common HttpService): 200 with
{"service", "version", "status": "UP"} when serving, 503 with status DRAINING while stopping.

With `pid_file`, an instance whose process has exited (a release that refuses its configuration
exits 2 at once) fails the wait at that moment, not after the whole timeout: a rollout's instance
is out of the load balancer until its rescue puts the previous release back.
"""
import os
import json
import time
import urllib.error
import urllib.request

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: service_health
short_description: Wait until /health answers 200 and reports the expected version
options:
  url: {description: The instance's health check URL., type: str, required: true}
  version: {description: The version /health must report., type: str, required: true}
  timeout: {description: Seconds to wait in all., type: float, default: 30}
  interval: {description: Seconds between two requests., type: float, default: 0.1}
  pid_file: {description: "The instance's pid file (start-stop-daemon --make-pidfile); when its process no longer exists, fail at once.", type: path}
"""

EXAMPLES = r"""
- name: Wait until prod-payments-1 is healthy on the release.
  service_health:
    url: http://127.0.1.1:9000/health
    version: 20261121.100627-gc9ecf86
"""

RETURN = r"""
status: {description: The last HTTP status (0 when nothing answered)., type: int, returned: always}
json: {description: The last /health body, parsed (empty when it was not JSON)., type: dict, returned: always}
msg: {description: On failure, what /health last answered., type: str, returned: failure}
waited: {description: Seconds spent waiting, to the millisecond., type: float, returned: always}
"""


def ask(url):
    """(status, parsed body or {}, error text) of one GET, with a 2 s timeout."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    except (OSError, ValueError) as e:
        return 0, {}, str(getattr(e, "reason", e))
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = {}
    return status, parsed if isinstance(parsed, dict) else {}, body.decode(errors="replace")[:200]


def exited(pid_file):
    """The pid of pid_file's process when that process no longer exists, else None (no pid
    file yet, or the process lives, as any user)."""
    try:
        with open(pid_file) as f:
            pid = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return pid
    except PermissionError:
        pass
    return None


def main():
    module = AnsibleModule(
        argument_spec={
            "url": {"type": "str", "required": True},
            "version": {"type": "str", "required": True},
            "timeout": {"type": "float", "default": 30},
            "interval": {"type": "float", "default": 0.1},
            "pid_file": {"type": "path"},
        },
        supports_check_mode=True,
    )
    p = module.params
    start = time.monotonic()
    while True:
        status, body, text = ask(p["url"])
        waited = round(time.monotonic() - start, 3)
        if status == 200 and body.get("version") == p["version"]:
            module.exit_json(changed=False, status=status, json=body, waited=waited)
        gone = p["pid_file"] and exited(p["pid_file"])
        if gone:
            module.fail_json(
                msg="the instance's process (pid %d of %s) exited after %g s, before %s answered 200 with version %s: %s"
                % (gone, p["pid_file"], waited, p["url"], p["version"], text),
                status=status, json=body, waited=waited)
        if waited > p["timeout"]:
            module.fail_json(
                msg="%s answered %s within %g s, not 200 with version %s: %s"
                % (p["url"], status or "nothing", p["timeout"], p["version"], text),
                status=status, json=body, waited=waited)
        time.sleep(p["interval"])


if __name__ == "__main__":
    main()
