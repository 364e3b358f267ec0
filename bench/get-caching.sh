#!/usr/bin/env bash
# What GET caching costs and buys (transport/GetCaching), on the production jar and 10,000 visits (bench/data.sql):
# the same dashboard page sent with GET as an anonymous caller (reads the data version for its ETag, then runs: 200),
# as an anonymous caller revalidating with If-None-Match (304: nothing runs), and with a token (no ETag: 200, as
# before caching). Each variant ROUNDS times, alternating, DURATION seconds of wrk after a warm-up; prints req/s,
# p50 and p99 per round and their medians.
#   bench/get-caching.sh        Env: ROUNDS (3), DURATION (10), WARMUP (20), CONNECTIONS (16)
set -euo pipefail
work=$(mktemp -d /tmp/attache-get-caching.XXXX)
DURATION=${DURATION:-10} WARMUP=${WARMUP:-20}
source "$(dirname "$0")/common.sh"
ROUNDS=${ROUNDS:-3}
db=attache_bench_get
trap '[ -n "$attache_pid" ] && stop_attache' EXIT

psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
start_attache $db && stop_attache # Flyway migrates the empty database
psql -q -d $db -v visits=10000 -f "$root/bench/data.sql" > /dev/null
start_attache $db

query='{ delegations(first: 20, orderBy: START_DATE_DESC) { totalCount nodes { id title startDate hostCountry { name } visitingCountry { name } } } }'
url="http://127.0.0.1:8080/graphql?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
token=$(java "$root/src/dev/DevToken.java" viewer bench-get | tail -n 1)
etag=$(curl -s -D - -o /dev/null -H 'Accept: application/json' "$url" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
[ -n "$etag" ] || { echo "no ETag on an anonymous GET" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: application/json' -H "If-None-Match: $etag" "$url")" = 304 ] \
  || { echo "If-None-Match did not get 304" >&2; exit 1; }

variant() { # $1 name: runs wrk with that variant's headers for $2 seconds
  local headers=(-H 'Accept: application/json')
  case $1 in
    revalidated) headers+=(-H "If-None-Match: $etag") ;;
    token) headers+=(-H "Authorization: Bearer $token") ;;
  esac
  wrk -t2 -c"$CONNECTIONS" -d"$2s" --latency "${headers[@]}" "$url"
}
for v in anonymous revalidated token; do variant $v "$WARMUP" > /dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for v in anonymous revalidated token; do
    variant $v "$DURATION" | awk -v v="$v" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
      /Non-2xx/ {failed=$5} END {print v, rps, p50, p99, (failed == "" ? 0 : failed)}'
  done
done | tee "$work/results.txt"
python3 - "$work/results.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rps, p50, p99, failed = line.split()
    if int(failed):
        sys.exit(f"{name}: {failed} answers with 4xx or 5xx")
    ms = lambda t: float(t[:-2]) if t.endswith('ms') else float(t[:-2]) / 1000 if t.endswith('us') else float(t[:-1]) * 1000
    rows.setdefault(name, []).append((float(rps), ms(p50), ms(p99)))
print(f"{'variant':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  (medians of {len(next(iter(rows.values())))} rounds)")
for name, runs in rows.items():
    print(f"{name:<12} {statistics.median(r[0] for r in runs):>8.0f} {statistics.median(r[1] for r in runs):>8.2f}"
          f" {statistics.median(r[2] for r in runs):>8.2f}")
PY
