#!/usr/bin/env bash
# Issue 18's attack, before and after: one viewer asks, on 1, 4 and 16 connections at once, for 100 visits' members'
# visits led, on data where a few people led 600 visits each and sit in thousands of delegations (bench/data.sql
# with 10,000 visits, then bench/abuse-data.sql); meanwhile another viewer's dashboard reads one visit (bench/q1.graphql)
# ten times a second (bench/paced.py). Per side and level: the attack's answers and bytes per second, the normal
# client's p50/p99/max, the largest RSS, and the event-loop-blocked warnings logged. "Before" is the production jar of
# git revision $1. Both run as the container does: SerialGC, heap 60 % of the manifest's 768 MiB limit.
#   bench/abuse.sh e5edd55
# Env: DURATION (20 s per level), JAVA_OPTS (-XX:+UseSerialGC -Xmx460m), RATE (10 requests/s of the normal client).
set -euo pipefail
work=$(mktemp -d /tmp/attache-abuse.XXXX)
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xmx460m} DURATION=${DURATION:-20} RATE=${RATE:-10}
CLIENT_LIMITS=production # the service's own per-client shares, not bench/common.sh's throughput settings
source "$(dirname "$0")/common.sh" # builds "after" (the working tree)
rev=${1:?usage: bench/abuse.sh <git revision before>}

psql -q -c 'DROP DATABASE IF EXISTS attache_abuse' -c 'CREATE DATABASE attache_abuse' > /dev/null
git -C "$root" worktree add -q --detach "$work/before" "$rev"
trap '[ -n "$attache_pid" ] && kill "$attache_pid" 2>/dev/null || true; git -C "$root" worktree remove --force "$work/before"' EXIT
(cd "$work/before" && ./mvnw -B -q package -DskipTests -Dexternal-db)
cp -a "$work/before/target/quarkus-app" "$work/jar-before"
cp -a "$root/target/quarkus-app" "$work/jar-after"

# The schema comes from the newer jar's migrations; the older one is told to ignore those it does not know (*:future),
# and its mapping still validates against the schema.
start_attache attache_abuse; stop_attache
psql -q -d attache_abuse -v visits=10000 -f "$root/bench/data.sql" > /dev/null 2>&1
psql -q -d attache_abuse -f "$root/bench/abuse-data.sql" > /dev/null 2>&1
attacker=$(cd "$root" && java src/dev/DevToken.java viewer attacker 2)
reader=$(cd "$root" && java src/dev/DevToken.java viewer reader 2)

rss_max() { # $1 pid, $2 seconds: the largest VmRSS in MB, sampled every 0.2 s
  local max=0 now
  for _ in $(seq 1 $(($2 * 5))); do
    now=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2> /dev/null || echo 0)
    [ "$now" -gt "$max" ] && max=$now
    sleep 0.2
  done
  echo "$max"
}

for side in before after; do
  QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future' ATTACHE_JAR="$work/jar-$side/quarkus-run.jar" \
    ATTACHE_ANONYMOUS_READS=false start_attache attache_abuse
  "$root/bench/paced.py" http://127.0.0.1:8080/graphql "$reader" "$root/bench/q1.graphql" 15 10 10000 > /dev/null # warm-up
  for attackers in 1 4 16; do
    TOKEN=$attacker GQL_FILE=$root/bench/attack.graphql ID_MAX=1 \
      wrk -t"$((attackers < 2 ? 1 : 2))" -c"$attackers" -d"${DURATION}s" --timeout 30s -s "$root/bench/post.lua" \
      http://127.0.0.1:8080/graphql > "$work/attack-$side-$attackers.txt" &
    attack=$!
    "$root/bench/paced.py" http://127.0.0.1:8080/graphql "$reader" "$root/bench/q1.graphql" "$RATE" "$DURATION" 10000 \
      > "$work/normal-$side-$attackers.txt" &
    normal=$!
    rss=$(rss_max "$attache_pid" "$DURATION")
    wait "$attack" "$normal"
    blocked=$(grep -c 'has been blocked for' "$work/attache-attache_abuse.log" || true)
    awk -v side="$side" -v n="$attackers" -v rss="$rss" -v blocked="$blocked" '
      FNR == 1 { file++ }
      file == 1 && /Requests\/sec/ { arps = $2 } file == 1 && /Transfer\/sec/ { abytes = $2 }
      file == 2 { normal = $0 }
      END { printf "%-6s %2d attackers | attack %8s req/s %10s/s | normal %s | RSS %5d MB | blocked %s\n",
              side, n, arps, abytes, normal, rss, blocked }' \
      "$work/attack-$side-$attackers.txt" "$work/normal-$side-$attackers.txt" | tee -a "$work/results.txt"
  done
  stop_attache
done
echo "Results in $work/results.txt; logs in $work"
