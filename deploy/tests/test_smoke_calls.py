"""smoke_calls (roles/rollout) against a real HTTP service on a loopback port."""
import json

CALLS = [
    {"method": "GET", "path": "/v1/checks/chk_rollout_health_gate", "status": 404},
    {"method": "POST", "path": "/v1/quotes", "body": {"amount": 100}, "headers": {"X-Tenant": "t1"}, "status": 200},
]


def test_sends_each_call_once_in_order_with_its_body_when_there_is_no_warmup(http_service, run_module):
    http_service.routes["/v1/quotes"] = (200, b"{}")
    rc, result = run_module("smoke_calls", base_url=http_service.url, calls=CALLS)
    assert rc == 0, result
    assert result["calls"] == 2
    assert [(m, p) for m, p, _ in http_service.requests] == [
        ("GET", "/v1/checks/chk_rollout_health_gate"), ("POST", "/v1/quotes")]
    assert json.loads(http_service.requests[1][2]) == {"amount": 100}


def test_keeps_sending_the_calls_round_robin_for_the_warmup(http_service, run_module):
    http_service.routes["/v1/quotes"] = (200, b"{}")
    rc, result = run_module("smoke_calls", base_url=http_service.url, calls=CALLS, warmup_seconds=0.3)
    assert rc == 0, result
    assert result["calls"] >= 6 and result["calls"] % 2 == 0
    assert result["seconds"] >= 0.3
    assert len(http_service.requests) == result["calls"]


def test_fails_naming_the_call_and_both_statuses_when_a_status_is_not_the_expected_one(http_service, run_module):
    http_service.routes["/v1/quotes"] = (500, b'{"error": "pool exhausted"}')
    rc, result = run_module("smoke_calls", base_url=http_service.url, calls=CALLS, warmup_seconds=5)
    assert rc == 1
    assert result["msg"] == ('POST %s/v1/quotes answered 500, expected 200: {"error": "pool exhausted"}'
                             % http_service.url)
    assert result["calls"] == 2, "the warm-up must stop at the first wrong status"


def test_refuses_a_call_without_a_status_before_sending_anything(http_service, run_module):
    rc, result = run_module("smoke_calls", base_url=http_service.url, calls=[{"path": "/health"}])
    assert rc == 1
    assert result["msg"].startswith("calls[0] needs a path (string) and a status (integer)")
    assert http_service.requests == []


def test_refuses_a_base_url_that_is_not_plain_http(run_module):
    rc, result = run_module("smoke_calls", base_url="https://127.0.0.1:9000", calls=CALLS)
    assert rc == 1
    assert result["msg"] == "base_url must be http://host[:port], not 'https://127.0.0.1:9000'"
