#!/usr/bin/env bash
# Sustained load: SOAK seconds (600) of mixed reads and writes (bench/soak.lua: 80 % dashboard reads as a viewer,
# 20 % new people, visits and awards as an editor) against the production jar on the bench data (10,000 visits),
# with anonymous reads off. Records every answer's errors, the server log's errors and warnings, RSS every 10 s, and
# the live heap (old generation after a full GC) at minute 2 and at the end; writes them into docs/benchmarks.md
# between the soak:start and soak:end marks.
# Env: SOAK (600), SOAK_CONNECTIONS (8), JAVA_OPTS, PGHOST/PGPORT/PGUSER as in bench/common.sh.
set -euo pipefail
work=$(mktemp -d /tmp/attache-soak.XXXX)
source "$(dirname "$0")/common.sh"
SOAK=${SOAK:-600} SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-8}
export ATTACHE_ANONYMOUS_READS=false
trap '[ -n "$attache_pid" ] && kill "$attache_pid" 2>/dev/null || true' EXIT

psql -q -d postgres -c "DROP DATABASE IF EXISTS attache_soak" -c "CREATE DATABASE attache_soak"
start_attache attache_soak && stop_attache # Flyway migrates the empty database
psql -q -d attache_soak -v visits=10000 -f "$root/bench/data.sql" > /dev/null
counts() { psql -tA -d attache_soak -c "SELECT (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM delegation)
  || ' ' || (SELECT count(*) FROM award) || ' ' || (SELECT count(*) FROM change_history)"; }
before=$(counts)

start_attache attache_soak
export VIEWER_TOKEN EDITOR_TOKEN COUNTRIES
VIEWER_TOKEN=$(cd "$root" && java src/dev/DevToken.java viewer soak-viewer 2)
EDITOR_TOKEN=$(cd "$root" && java src/dev/DevToken.java editor soak-editor 2)
COUNTRIES=$(psql -tA -d attache_soak -c "SELECT string_agg(code, ',') FROM country")

live_heap() { jcmd "$attache_pid" GC.run > /dev/null; sleep 1; jstat -gc "$attache_pid" | awk 'NR == 2 {printf "%d", $8 / 1024}'; }
( start=$(date +%s)
  while kill -0 "$attache_pid" 2>/dev/null; do
    echo "$(( $(date +%s) - start )) $(( $(ps -o rss= -p "$attache_pid") / 1024 ))"; sleep 10
  done ) > "$work/rss.txt" &
sampler=$!
early=$(( SOAK < 600 ? SOAK / 5 : 120 ))
( sleep "$early"; live_heap > "$work/heap-early.txt" ) &

wrk -t2 -c"$SOAK_CONNECTIONS" -d"${SOAK}s" --latency -s "$root/bench/soak.lua" http://127.0.0.1:8080/graphql \
  > "$work/wrk.txt" 2> "$work/wrk-errors.txt"
live_heap > "$work/heap-end.txt"
kill "$sampler"
after=$(counts)
log_errors=$(grep -c " ERROR " "$work/attache-attache_soak.log" || true)
log_warnings=$(grep -c " WARN " "$work/attache-attache_soak.log" || true)
stop_attache

python3 - "$work" "$root/docs/benchmarks.md" "$before" "$after" "$log_errors" "$log_warnings" "$early" \
  "SOAK=$SOAK SOAK_CONNECTIONS=$SOAK_CONNECTIONS JAVA_OPTS='$JAVA_OPTS' bench/soak.sh" <<'PY'
import re, statistics, sys, pathlib
work, doc, before, after, log_errors, log_warnings, early, command = sys.argv[1:]
wrk = pathlib.Path(work, "wrk.txt").read_text()
soak = re.search(r"soak answered=(\d+) graphql_errors=(\d+) non_200=(\d+)", wrk)
rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1)
lat = {p: re.search(rf"^\s+{p}%\s+(\S+)", wrk, re.M).group(1) for p in ("50", "99")}
rss = [tuple(map(int, l.split())) for l in pathlib.Path(work, "rss.txt").read_text().split("\n") if l.strip()]
def median(lo, hi): return int(statistics.median([m for t, m in rss if lo <= t < hi] or [0]))
end = rss[-1][0]
names = ("people", "visits", "awards", "history entries")
growth = ", ".join(f"{int(a) - int(b):,} {n}" for n, b, a in zip(names, before.split(), after.split()))
rows = [
    ("requests answered", f"{int(soak.group(1)):,} in {end // 60} min ({rps} req/s)"),
    ("answers with GraphQL errors", soak.group(2)),
    ("answers with a status other than 200", soak.group(3)),
    ("ERROR / WARN lines in the server log", f"{log_errors} / {log_warnings}"),
    ("latency p50 / p99 (wrk)", f"{lat['50']} / {lat['99']}"),
    ("records written", growth),
    ("RSS, median of minutes 1-2 / last 2 minutes / max", f"{median(60, 120)} / {median(end - 120, end + 1)} / {max(m for _, m in rss)} MB"),
    (f"live heap after a full GC, at {early} s / at the end", f"{pathlib.Path(work, 'heap-early.txt').read_text().strip()} / {pathlib.Path(work, 'heap-end.txt').read_text().strip()} MB"),
]
table = "\n".join(["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows])
block = f"<!-- soak:start -->\nCommand: `{command}` (2-core machine of this repository's CI kind, PostgreSQL 15 on the same machine).\n\n{table}\n<!-- soak:end -->"
text = pathlib.Path(doc).read_text()
if "<!-- soak:start -->" in text:
    text = re.sub(r"<!-- soak:start -->.*<!-- soak:end -->", lambda m: block, text, flags=re.S)
else:
    text += "\n## Sustained load: 10 minutes of mixed reads and writes\n\n" + block + "\n"
pathlib.Path(doc).write_text(text)
print(table)
PY
