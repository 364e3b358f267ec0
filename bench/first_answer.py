#!/usr/bin/env python3
"""Starts Attaché once and measures the time from process start to the first successful GraphQL answer that reads the
database, and the process's RSS right after it. Usage: first_answer.py <java> <app dir> [JVM options...]
Prints one line: <milliseconds> <RSS MB>. The environment (datasource, key, switches) is passed through."""
import http.client
import json
import subprocess
import sys
import time

QUERY = json.dumps({"query": "{ delegations(first: 1) { totalCount nodes { title } } }"})


def answered():
    try:
        connection = http.client.HTTPConnection("127.0.0.1", 8080, timeout=1)
        connection.request("POST", "/graphql", QUERY, {"Content-Type": "application/json"})
        response = connection.getresponse()
        body = response.read()
        return response.status == 200 and b'"totalCount"' in body and b'"errors"' not in body
    except OSError:
        return False


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


java, app, options = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.monotonic()
process = subprocess.Popen([java, *options, "-jar", "quarkus-run.jar"], cwd=app,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    while not answered():
        if process.poll() is not None or time.monotonic() - start > 60:
            sys.exit(f"no answer: the process {'exited' if process.poll() is not None else 'hung'}")
        time.sleep(0.005)
    elapsed = (time.monotonic() - start) * 1000
    print(f"{elapsed:.0f} {rss_mb(process.pid):.0f}")
finally:
    process.terminate()
    process.wait(timeout=30)
