#!/usr/bin/env bash
# Dashboard-like shapes on the production jar and 10,000 visits (bench/data.sql, then bench/dashboard-data.sql for the
# members, hosts, topics and sources data.sql leaves empty), each measured twice in one run: as Attaché answers it
# (one SQL statement where the compiler covers the shape) and by its resolvers alone (Attache-Execution: resolvers).
#   bench/dashboard.sh        WARMUP (30 s per shape and way), DURATION (15 s), CONNECTIONS (16); see bench/common.sh
# Prints one line per shape and way: req/s, p50, p99, and which path answered (the Attache-Execution header).
set -euo pipefail
work=$(mktemp -d /tmp/attache-dashboard.XXXX)
WARMUP=${WARMUP:-30}
source "$(dirname "$0")/common.sh"
trap '[ -n "$attache_pid" ] && kill "$attache_pid" 2> /dev/null || true' EXIT
url=http://127.0.0.1:8080/graphql

psql -q -d postgres -c "DROP DATABASE IF EXISTS attache_dashboard" -c "CREATE DATABASE attache_dashboard"
start_attache attache_dashboard && stop_attache # Flyway migrates the empty database
psql -q -d attache_dashboard -v visits=10000 -f "$root/bench/data.sql" > /dev/null
psql -q -d attache_dashboard -f "$root/bench/dashboard-data.sql" > /dev/null
psql -tA -d attache_dashboard -c "SELECT '\"' || code || '\"' FROM country ORDER BY name" > "$work/codes.txt"
start_attache attache_dashboard

printf '%-9s %-10s %8s %9s %9s %s\n' shape way 'req/s' p50 p99 answered-by
for shape in visits awards persons stats; do
  query=$root/bench/dashboard-$shape.graphql
  for way in default resolvers; do
    execution=$([ $way = resolvers ] && echo resolvers || true)
    run() { GQL_FILE=$query VALUES_FILE=$work/codes.txt EXECUTION=$execution \
      wrk -t2 -c"$CONNECTIONS" -d"$1s" --latency -s "$root/bench/post.lua" "$url"; }
    run "$WARMUP" > /dev/null
    run "$DURATION" > "$work/$shape-$way.txt"
    body=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": {"id": sys.argv[2]}}))' \
      "$query" "$(head -n 1 "$work/codes.txt" | tr -d '"')")
    path=$(curl -s -D - -o "$work/$shape-$way.json" -H 'Content-Type: application/json' ${execution:+-H "Attache-Execution: $execution"} \
      -d "$body" "$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "attache-execution" {print $2}')
    grep -q '"errors"' "$work/$shape-$way.json" && { echo "FAIL: $shape answered with errors: $(head -c 300 "$work/$shape-$way.json")" >&2; exit 1; }
    awk -v s=$shape -v w=$way -v p="${path:-resolvers}" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
      /Non-2xx/ {bad=$5} END {printf "%-9s %-10s %8s %9s %9s %s%s\n", s, w, rps, p50, p99, p, (bad ? " NON-2XX " bad : "")}' "$work/$shape-$way.txt"
  done
done
echo "RSS after load: $(( $(ps -o rss= -p "$attache_pid") / 1024 )) MB"
