#!/usr/bin/env python3
"""A client at a steady pace, as a person's dashboard is: RATE requests per second of the GraphQL document in FILE
(variables {"id": n}, n walking 1..ID_MAX), for SECONDS, on one keep-alive connection with a bearer token. Prints
requests, answers other than 200, and latency p50/p99/max in ms. Unlike wrk, it does not fire as fast as it can,
so it stays within its share of the per-client limits and measures what such a client sees.
  bench/paced.py http://127.0.0.1:8080/graphql TOKEN bench/q1.graphql 10 20 10000"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

url, token, file, rate, seconds, id_max = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
query = open(file).read()
target = urllib.parse.urlparse(url)
headers = {"Content-Type": "application/json", "Accept": "application/json", "Authorization": "Bearer " + token}
connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
latencies, refused, n = [], 0, 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    due = start + n / rate
    time.sleep(max(0.0, due - time.monotonic()))
    n += 1
    body = json.dumps({"query": query, "variables": {"id": (n * 7919) % id_max + 1}})
    sent = time.monotonic()
    try:
        connection.request("POST", target.path, body, headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        connection.close()
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        status = 0
    latencies.append((time.monotonic() - sent) * 1000)
    refused += status != 200
latencies.sort()
print(f"requests {len(latencies)} non200 {refused} p50 {statistics.median(latencies):.1f} "
      f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.1f} max {latencies[-1]:.1f}")
