#!/usr/bin/env bash
# Dashboard-like shapes on the production jar and 10,000 visits (bench/data.sql, then bench/dashboard-data.sql for the
# members, hosts, topics and sources data.sql leaves empty), side by side in one run:
#   Attaché as it answers (one SQL statement where the compiler covers the shape), Attaché by its resolvers alone
#   (Attache-Execution: resolvers), and PostGraphile 5 on the peer's data shape extended the same way
#   (bench/peer-dashboard.sql, queries bench/peer-dashboard-*.graphql) for the shapes it can express;
# one server at a time, each shape warmed up, then measured. Memory: RSS of each server after its load.
#   bench/dashboard.sh        WARMUP (30 s per shape and way), DURATION (15 s), CONNECTIONS (16), POOL (3); see bench/common.sh
# Both servers get a pool of POOL database connections: PostgreSQL shares the machine's 2 cores with them, and more
# connections than that only queue inside it (docs/benchmarks.md has the sweep).
# Prints one line per shape and way: req/s, p50, p99, and which path answered (the Attache-Execution header).
set -euo pipefail
work=$(mktemp -d /tmp/attache-dashboard.XXXX)
WARMUP=${WARMUP:-30}
POOL=${POOL:-3}
export ATTACHE_DB_POOL_SIZE=$POOL
LEAN=1 # the heap of the side-by-side runs (common.sh)
source "$(dirname "$0")/common.sh"
peer=${PEER_DIR:-$root/../shared/peer}
cleanup() {
  [ -n "$attache_pid" ] && kill "$attache_pid" 2> /dev/null || true
  [ -f /tmp/attache-peer/pg5.pid ] && kill "$(cat /tmp/attache-peer/pg5.pid)" 2> /dev/null || true
}
trap cleanup EXIT
url=http://127.0.0.1:8080/graphql peer_url=http://127.0.0.1:5434/graphql

"$peer/setup.sh" > "$work/peer-setup.log"
psql -q -d peer -f "$root/bench/peer-dashboard.sql" > /dev/null 2>&1
psql -q -d postgres -c "DROP DATABASE IF EXISTS attache_dashboard" -c "CREATE DATABASE attache_dashboard"
start_attache attache_dashboard && stop_attache # Flyway migrates the empty database
psql -q -d attache_dashboard -v visits=10000 -f "$root/bench/data.sql" > /dev/null
psql -q -d attache_dashboard -f "$root/bench/dashboard-data.sql" > /dev/null
# Attaché filters by country code where the peer filters by country id: the codes, in the peer's id order.
psql -tA -d attache_dashboard -c "SELECT '\"' || code || '\"' FROM country ORDER BY name" > "$work/codes.txt"

report() { # $1 shape, $2 way, $3 path; the line of wrk's report in $work/$1-$2.txt
  awk -v s="$1" -v w="$2" -v p="$3" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$5} END {printf "%-9s %-12s %8s %9s %9s %s%s\n", s, w, rps, p50, p99, p, (bad ? " NON-2XX " bad : "")}' \
    "$work/$1-$2.txt"
}

printf '%-9s %-12s %8s %9s %9s %s\n' shape way 'req/s' p50 p99 answered-by
start_attache attache_dashboard
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
    report $shape $way "${path:-resolvers}"
  done
done
echo "Attaché RSS after load: $(( $(ps -o rss= -p "$attache_pid") / 1024 )) MB"
stop_attache

VER=5 POOL=$POOL "$peer/run-postgraphile.sh" > /dev/null
for shape in visits awards persons; do
  query=$root/bench/peer-dashboard-$shape.graphql
  run() { GQL_FILE=$query ID_MAX=50 wrk -t2 -c"$CONNECTIONS" -d"$1s" --latency -s "$root/bench/post.lua" "$peer_url"; }
  run "$WARMUP" > /dev/null
  run "$DURATION" > "$work/$shape-postgraphile.txt"
  body=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": {"id": 1}}))' "$query")
  curl -s -o "$work/$shape-postgraphile.json" -H 'Content-Type: application/json' -d "$body" "$peer_url"
  grep -q '"errors"' "$work/$shape-postgraphile.json" && { echo "FAIL: the peer's $shape: $(head -c 300 "$work/$shape-postgraphile.json")" >&2; exit 1; }
  report $shape postgraphile "PostGraphile 5"
done
echo "PostGraphile RSS after load: $(( $(ps -o rss= -p "$(cat /tmp/attache-peer/pg5.pid)") / 1024 )) MB"
