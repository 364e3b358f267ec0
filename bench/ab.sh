#!/usr/bin/env bash
# A/B of two builds of Attaché on the same data: the production jar of git revision $1 (A) against the working tree's
# (B), started alternately on the database bench/run.sh loaded (attache_bench), ROUNDS times each, with the same wrk
# settings per query. Prints req/s and p50 per round; the medians are what to compare.
#   bench/ab.sh 693ee32            # what the commits since 693ee32 cost or bought
# Env: ROUNDS (2), QUERIES ("q1 q3"), WARMUP (30 s per query and start), DURATION (15), CONNECTIONS (16), JAVA_OPTS.
set -euo pipefail
work=$(mktemp -d /tmp/attache-ab.XXXX)
source "$(dirname "$0")/common.sh" # builds B (the working tree)
ROUNDS=${ROUNDS:-2} QUERIES=${QUERIES:-q1 q3} WARMUP=${AB_WARMUP:-30}
rev=${1:?usage: bench/ab.sh <git revision of A>}
psql -tA -d attache_bench -c "SELECT '\"' || code || '\"' FROM country ORDER BY name" > "$work/codes.txt"

git -C "$root" worktree add -q --detach "$work/a" "$rev"
trap '[ -n "$attache_pid" ] && kill "$attache_pid" 2>/dev/null || true; git -C "$root" worktree remove --force "$work/a"' EXIT
(cd "$work/a" && ./mvnw -B -q package -DskipTests -Dexternal-db)
cp -a "$work/a/target/quarkus-app" "$work/jar-a"
cp -a "$root/target/quarkus-app" "$work/jar-b"

run() { # $1 A or B: starts that jar, warms up and measures each query, stops it
  ATTACHE_JAR="$work/jar-$(echo "$1" | tr AB ab)/quarkus-run.jar" start_attache attache_bench
  for q in $QUERIES; do
    load http://127.0.0.1:8080/graphql "$root/bench/$q.graphql" "$WARMUP" > /dev/null
    load http://127.0.0.1:8080/graphql "$root/bench/$q.graphql" "$DURATION" \
      | awk -v s="$1" -v q="$q" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /Non-2xx/ {bad=$5} END {print s, q, rps, p50, (bad == "" ? 0 : bad)}'
  done
  stop_attache
}
for round in $(seq 1 "$ROUNDS"); do run A; run B; done | tee "$work/results.txt"
python3 - "$work/results.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    side, q, rps, p50, bad = line.split()
    rows.setdefault((q, side), []).append(float(rps))
for q in sorted({q for q, _ in rows}):
    a, b = statistics.median(rows[(q, "A")]), statistics.median(rows[(q, "B")])
    print(f"{q}: A {a:.0f} req/s, B {b:.0f} req/s, B/A {b / a:.2f}")
PY
