"""haproxy_stat: HAProxy's `show stat` CSV (runtime API) as a list of dictionaries.

The first line is the header, "# pxname,svname,qcur,qmax,scur,...,status,...", as documented
in HAProxy's management guide ("9.1. CSV format"); each further line is a frontend, a
backend or a server. Values stay strings: {"pxname": "payments", "svname": "prod-payments-1",
"scur": "0", "status": "UP", ...}.
"""
import csv


def haproxy_stat(text):
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# "):
        raise ValueError("not HAProxy 'show stat' output: %r" % text[:80])
    header = lines[0][2:].split(",")
    return [dict(zip(header, row)) for row in csv.reader(lines[1:]) if row]


class FilterModule:
    def filters(self):
        return {"haproxy_stat": haproxy_stat}
