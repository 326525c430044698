#!/usr/bin/python3
"""smoke_calls: send production-safe HTTP calls straight to one instance, each checked against
the status it must answer; then keep sending them for a few seconds to warm the instance up.

Why the warm-up: a fresh JVM runs its hot paths (HTTP parsing, routing, JSON, the JDBC pool)
interpreted until its JIT compilers have compiled them, which takes thousands of invocations
(HotSpot's tiered compilation thresholds, `java -XX:+PrintFlagsFinal | grep Tier`). If the
instance meets live traffic cold, it compiles them then, at full priority, beside the instances
that carry the load; the rollout bench showed those seconds as the p99 spikes. Warmed up while
it still runs at the rollout's start niceness, it does that work before READY instead.

One keep-alive connection, one call at a time, so the warm-up adds one request's worth of load.
"""
import http.client
import json
import time
import urllib.parse

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: smoke_calls
short_description: Send production-safe calls straight to an instance, then warm it up with them
description:
  - Sends every call of I(calls) once, in order, and fails naming the first whose status is not
    the expected one (method, path, expected and actual status, the start of the body).
  - Then sends the same calls round-robin, one at a time on one keep-alive connection, until
    I(warmup_seconds) have passed, checking every status the same way.
options:
  base_url: {description: The instance's own address (http://host:port); never the load balancer's., type: str, required: true}
  calls:
    description: Each {method (default GET), path, headers (dict), body (any JSON value), status (int)}.
    type: list
    elements: dict
    required: true
  warmup_seconds: {description: Seconds of repeated calls after the first round; 0 sends each call once., type: float, default: 0}
  timeout: {description: Seconds one call may take., type: float, default: 5}
"""

EXAMPLES = r"""
- name: Check and warm up prod-fraud-1.
  smoke_calls:
    base_url: http://127.0.1.11:9000
    calls:
      - {method: GET, path: /v1/checks/chk_rollout_health_gate, status: 404}
    warmup_seconds: 2
"""

RETURN = r"""
calls: {description: Calls sent in all (the first round and the warm-up)., type: int, returned: always}
seconds: {description: Seconds the calls took in all, to the millisecond., type: float, returned: always}
"""


class Instance:
    """One keep-alive HTTP connection to base_url, reopened when the server closes it."""

    def __init__(self, base_url, timeout):
        url = urllib.parse.urlsplit(base_url)
        if url.scheme != "http" or not url.hostname:
            raise ValueError("base_url must be http://host[:port], not %r" % base_url)
        self.host, self.port, self.timeout = url.hostname, url.port or 80, timeout
        self.conn = None

    def call(self, spec):
        """Send one call; returns (status, the first 300 characters of the body)."""
        body = None if "body" not in spec else json.dumps(spec["body"]).encode()
        headers = dict(spec.get("headers") or {})
        if body is not None:
            headers.setdefault("Content-Type", "application/json")
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(spec.get("method", "GET"), spec["path"], body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", "replace")[:300]
                if response.will_close:
                    self.close()
                return response.status, text
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed between two calls: reopen it once.
                self.close()
                if attempt == 2:
                    raise

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def main():
    module = AnsibleModule(
        argument_spec=dict(
            base_url=dict(type="str", required=True),
            calls=dict(type="list", elements="dict", required=True),
            warmup_seconds=dict(type="float", default=0),
            timeout=dict(type="float", default=5),
        ),
        supports_check_mode=False,
    )
    p = module.params
    for i, spec in enumerate(p["calls"]):
        if not isinstance(spec.get("path"), str) or not isinstance(spec.get("status"), int):
            module.fail_json(msg="calls[%d] needs a path (string) and a status (integer): %r" % (i, spec))
    if p["warmup_seconds"] < 0:
        module.fail_json(msg="warmup_seconds must be 0 or more, not %s" % p["warmup_seconds"])
    try:
        instance = Instance(p["base_url"], p["timeout"])
    except ValueError as e:
        module.fail_json(msg=str(e))

    started = time.monotonic()
    deadline = started + p["warmup_seconds"]
    sent = 0
    try:
        while True:
            for spec in p["calls"]:
                status, text = instance.call(spec)
                sent += 1
                if status != spec["status"]:
                    module.fail_json(
                        msg="%s %s%s answered %d, expected %d: %s"
                        % (spec.get("method", "GET"), p["base_url"], spec["path"], status, spec["status"], text),
                        calls=sent, seconds=round(time.monotonic() - started, 3))
            if not p["calls"] or time.monotonic() >= deadline:
                break
    except (OSError, http.client.HTTPException) as e:
        module.fail_json(msg="%s did not answer call %d: %s" % (p["base_url"], sent + 1, e),
                         calls=sent, seconds=round(time.monotonic() - started, 3))
    finally:
        instance.close()
    module.exit_json(changed=False, calls=sent, seconds=round(time.monotonic() - started, 3))


if __name__ == "__main__":
    main()
