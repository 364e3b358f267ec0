#!/usr/bin/env bash
# Side-by-side benchmark of Attaché and PostGraphile v5 on the same data shape, machine and PostgreSQL:
#   1. prepares the peer (../shared/peer/setup.sh) and builds Attaché's production jar (-Dexternal-db);
#   2. migrates database attache_bench with Attaché itself and loads bench/data.sql (the peer's shape);
#   3. checks that both servers give the same answers to Q1, Q2 and Q3 (bench/same_answers.py);
#   4. per server, one after the other: warms each query up, then one measured wrk run per query with the same
#      settings, RSS after the load, and SQL statements per request counted from PostgreSQL's statement log;
#      Attaché is measured a second time with its resolvers only (header Attache-Execution: resolvers);
#   5. writes the table into docs/benchmarks.md between the bench:start and bench:end marks.
# Env: DURATION (15 s per measured run), WARMUP (60 s per query: the JVM's JIT needs about a minute on 2 cores),
#      CONNECTIONS (16), JAVA_OPTS (heap, GC and native memory of the Attaché JVM; default below),
#      PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
work=$(mktemp -d /tmp/attache-bench.XXXX)
LEAN=1 # the heap of the side-by-side runs (common.sh)
source "$(dirname "$0")/common.sh"
peer=${PEER_DIR:-$root/../shared/peer}
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
attache_url=http://127.0.0.1:8080/graphql peer_url=http://127.0.0.1:5434/graphql

cleanup() {
  [ -n "$attache_pid" ] && kill "$attache_pid" 2>/dev/null || true
  [ -f /tmp/attache-peer/pg5.pid ] && kill "$(cat /tmp/attache-peer/pg5.pid)" 2>/dev/null || true
}
trap cleanup EXIT

"$peer/setup.sh" > "$work/peer-setup.log"

psql -q -d postgres -c "DROP DATABASE IF EXISTS attache_bench" -c "CREATE DATABASE attache_bench"
start_attache attache_bench && stop_attache # Flyway migrates the empty database
psql -q -d attache_bench -v visits=10000 -f "$root/bench/data.sql" > /dev/null
# Attaché's Q2 filters by country code where the peer filters by country id: the codes, in the peer's id order.
psql -tA -d attache_bench -c "SELECT '\"' || code || '\"' FROM country ORDER BY name" > "$work/codes.txt"

logged_statements() { # $1 database: statements PostgreSQL logged for it, transaction control (BEGIN, COMMIT) not counted
  grep "@$1 LOG:  \(statement\|execute\)" "$PG_LOG" | grep -vc ": \(BEGIN\|COMMIT\|ROLLBACK\)$" || true
}

statements_per_request() { # $1 url, $2 query file, $3 database; runs requests for 3 s and counts logged statements
  local before after
  before=$(logged_statements "$3")
  GQL_FILE=$2 ID_MAX=$( [[ $2 == *q2.v5.graphql ]] && echo 50 || echo 20 ) VALUES_FILE=$( [[ $2 == *bench/q2.graphql ]] && echo "$work/codes.txt" ) \
    wrk -t1 -c1 -d3s -s "$root/bench/post.lua" "$1" > "$work/count.txt"
  local requests; requests=$(awk '/requests in/ {print $1}' "$work/count.txt")
  sleep 1
  after=$(logged_statements "$3")
  python3 -c "print(f'{($after - $before) / $requests:.1f}')"
}

measure() { # $1 name, $2 url, $3 pid, $4.. query files; appends "name query req/s p50 p99" lines
  for q in "${@:4}"; do load "$2" "$q" "$WARMUP" > /dev/null; done
  for q in "${@:4}"; do
    load "$2" "$q" "$DURATION" > "$work/$1-$(basename "$q").txt"
    awk -v s="$1" -v q="$(basename "$q" .graphql | sed 's/\.v5//')" '
      /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5}
      END {print s, q, rps, p50, p99, (bad == "" ? 0 : bad)}' "$work/$1-$(basename "$q").txt" >> "$work/results.txt"
  done
  echo "$1 rss $(( $(ps -o rss= -p "$3") / 1024 ))" >> "$work/results.txt"
}

start_attache attache_bench
VER=5 "$peer/run-postgraphile.sh" > /dev/null
python3 "$root/bench/same_answers.py" "$attache_url" "$peer_url" "$peer/queries" "$root/bench" "$work/codes.txt"
kill "$(cat /tmp/attache-peer/pg5.pid)"; sleep 1

measure attache "$attache_url" "$attache_pid" "$root"/bench/q{1,2,3}.graphql
# The same server once more, every query answered by its resolvers (what the one-statement path replaces).
EXECUTION=resolvers measure attache-resolvers "$attache_url" "$attache_pid" "$root"/bench/q{1,2,3}.graphql
stop_attache
VER=5 "$peer/run-postgraphile.sh" > /dev/null
measure postgraphile "$peer_url" "$(cat /tmp/attache-peer/pg5.pid)" "$peer"/queries/q{1,2,3}.v5.graphql
kill "$(cat /tmp/attache-peer/pg5.pid)"; sleep 1

# Statements per request, from PostgreSQL's own log (log_statement=all on these connections only).
if [ -r "$PG_LOG" ]; then
  start_attache attache_bench "?options=-c%20log_statement%3Dall"
  for q in 1 2 3; do echo "attache statements q$q $(statements_per_request "$attache_url" "$root/bench/q$q.graphql" attache_bench)"; done >> "$work/results.txt"
  stop_attache
  COUNT_SQL=1 VER=5 "$peer/run-postgraphile.sh" > /dev/null
  for q in 1 2 3; do echo "postgraphile statements q$q $(statements_per_request "$peer_url" "$peer/queries/q$q.v5.graphql" peer)"; done >> "$work/results.txt"
  kill "$(cat /tmp/attache-peer/pg5.pid)"
fi

python3 "$root/bench/report.py" "$work/results.txt" "$root/docs/benchmarks.md" \
  "WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS JAVA_OPTS='$JAVA_OPTS' bench/run.sh"
cat "$work/results.txt"
