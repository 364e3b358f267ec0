#!/usr/bin/env bash
# Does Attaché slow down as the data grows? Q1 (one visit by id) and Q2 (a page of 50 visits hosted by one country)
# at 10,000 visits, then at 1,000,000 (bench/data.sql with visits=1000000: the same shape 100 times over), where Q2
# asks for a page deep in each country's list, after its 10,000th visit. Same jar, JVM flags and wrk settings for
# both sizes; the latencies go into docs/benchmarks.md between the scale:start and scale:end marks.
# Loading the million visits (8 million agenda items) takes several minutes; SKIP_LOAD=1 reuses attache_scale.
# Env: DURATION (15), WARMUP (60), CONNECTIONS (16), JAVA_OPTS, PGHOST/PGPORT/PGUSER as for bench/run.sh.
set -euo pipefail
work=$(mktemp -d /tmp/attache-scale.XXXX)
source "$(dirname "$0")/common.sh"
url=http://127.0.0.1:8080/graphql
trap '[ -n "$attache_pid" ] && kill "$attache_pid" 2>/dev/null || true' EXIT

prepare() { # $1 database, $2 visits
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  start_attache "$1" && stop_attache
  local started=$SECONDS
  psql -q -d "$1" -v visits="$2" -f "$root/bench/data.sql" > /dev/null
  echo "loaded $2 visits into $1 in $((SECONDS - started)) s"
}

# Q2's variables per country: its code and, with $2 set, the cursor of its $2-th visit in start-date order (the cursor
# format of DelegationConnection: base64url of "delegation:START_DATE_ASC", start date and id, 0x1F-separated).
q2_variables() { # $1 database, $2 rows to skip (0: first page)
  psql -tA -d "$1" -c "
    SELECT json_build_object('id', c.code, 'after', CASE WHEN $2 > 0 THEN (
      SELECT rtrim(translate(encode(convert_to('delegation:START_DATE_ASC' || chr(31) || d.start_date || chr(31) || d.id,
                                               'UTF8'), 'base64'), E'+/\n', '-_'), '=')
      FROM delegation d WHERE d.host_country_code = c.code ORDER BY d.start_date, d.id OFFSET greatest($2 - 1, 0) LIMIT 1) END)
    FROM country c ORDER BY c.name"
}

measure() { # $1 database, $2 label, $3 rows to skip for Q2
  start_attache "$1"
  q2_variables "$1" "$3" > "$work/q2-$1.json"
  local visits; visits=$(psql -tA -d "$1" -c "SELECT max(id) FROM delegation")
  for run in warmup measured; do
    local seconds=$WARMUP; [ $run = measured ] && seconds=$DURATION
    GQL_FILE=$root/bench/q1.graphql ID_MAX=$visits wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$root/bench/post.lua" "$url" > "$work/q1-$1.txt"
    GQL_FILE=$root/bench/q2-deep.graphql VARIABLES_FILE=$work/q2-$1.json wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency \
      -s "$root/bench/post.lua" "$url" > "$work/q2-$1.txt"
  done
  stop_attache
  for q in q1 q2; do
    awk -v label="$2" -v q="$q" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5}
      END {print label, q, rps, p50, p99, (bad == "" ? 0 : bad)}' "$work/$q-$1.txt" >> "$work/results.txt"
  done
}

if [ "${SKIP_LOAD:-0}" != 1 ]; then
  prepare attache_bench 10000
  prepare attache_scale 1000000 | tee "$work/load.txt"
fi
psql -q -d attache_scale -c "VACUUM ANALYZE delegation"
measure attache_bench "10000 visits" 0
measure attache_scale "1000000 visits" 10000

python3 - "$work/results.txt" "$root/docs/benchmarks.md" "$(cat "$work/load.txt" 2>/dev/null || true)" \
  "WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS JAVA_OPTS='$JAVA_OPTS' bench/scale.sh" <<'EOF'
import datetime, os, re, sys
results, doc, load, command = sys.argv[1:5]
rows = {}
for line in open(results):
    *label, q, rps, p50, p99, bad = line.split()
    rows[(" ".join(label), q)] = (rps, p50, p99, bad)
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-1]) * 1000 if v.endswith("s") else float(v[:-2]) / 1000
lines = [f"Run of {datetime.date.today()} on {os.cpu_count()} cores, PostgreSQL 15 on the same machine. {load}", "",
         f"    {command}", "",
         "| query | data | req/s | p50 | p99 | non-2xx |", "|---|---|---|---|---|---|"]
for q, name in (("q1", "Q1 (one visit by id)"), ("q2", "Q2 (50 visits of one host; at 1M after its 10,000th)")):
    for label in ("10000 visits", "1000000 visits"):
        r = rows.get((label, q), ("-",) * 4)
        lines.append(f"| {name} | {label} | {' | '.join(r)} |")
    small, big = rows.get(("10000 visits", q)), rows.get(("1000000 visits", q))
    if small and big:
        lines.append(f"| {name} | **1M / 10k p50** | **{ms(big[1]) / ms(small[1]):.2f}x** | | | |")
text = open(doc).read()
block = "<!-- scale:start -->\n" + "\n".join(lines) + "\n<!-- scale:end -->"
text = re.sub(r"<!-- scale:start -->.*<!-- scale:end -->", lambda m: block, text, flags=re.S)
open(doc, "w").write(text)
EOF
cat "$work/results.txt"
