#!/usr/bin/env bash
# Subscriber capacity: how many concurrent subscribers one instance holds with every event still delivered within
# one second. bench/subscribers.mjs opens dashboards in steps (each its own WebSocket, graphql-ws, the browser
# library, over graphql-transport-ws with a viewer token), subscribes each to delegationChanged, then commits EVENTS
# updates of one visit GAP_MS apart through the API and times every delivery from the moment the mutation was sent.
# It stops at the first step where an event is missing or the p99 passes one second. The production jar, the
# machine's PostgreSQL; Node (npm's graphql-ws and ws, installed into $work) on the same 2 cores as the server.
# Env: STEPS (500,1000,2000,2500,3000,3500,4000,5000), EVENTS (20), GAP_MS (500), JAVA_OPTS, PGHOST/PGPORT/PGUSER.
set -euo pipefail
work=$(mktemp -d /tmp/attache-subscribers.XXXX)
source "$(dirname "$0")/common.sh"
trap '[ -n "$attache_pid" ] && kill "$attache_pid" 2>/dev/null || true' EXIT
ulimit -n 65536 2> /dev/null || true

(cd "$work" && npm install --silent --no-audit --no-fund graphql-ws@6 ws@8 graphql@16 > /dev/null)
cp "$root/bench/subscribers.mjs" "$work/"
psql -q -d postgres -c "DROP DATABASE IF EXISTS attache_live" -c "CREATE DATABASE attache_live"
start_attache attache_live
export VIEWER_TOKEN EDITOR_TOKEN ATTACHE_PID=$attache_pid
VIEWER_TOKEN=$(cd "$root" && java src/dev/DevToken.java viewer dashboard 2)
EDITOR_TOKEN=$(cd "$root" && java src/dev/DevToken.java editor recorder 2)
machine="$(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576}' /proc/meminfo)"
node "$work/subscribers.mjs" | tee "$work/result.txt"
stop_attache
# Into docs/benchmarks.md, between the subscribers:start and subscribers:end marks.
command="STEPS=${STEPS:-500,1000,2000,2500,3000,3500,4000,5000} EVENTS=${EVENTS:-20} GAP_MS=${GAP_MS:-500} JAVA_OPTS='$JAVA_OPTS' bench/subscribers.sh"
python3 - "$root/docs/benchmarks.md" "$work/result.txt" "$command" "$machine" <<'PY'
import pathlib, re, sys
doc, result, command, machine = sys.argv[1:]
block = (f"<!-- subscribers:start -->\nCommand: `{command}`; {machine}, PostgreSQL 15 and the Node clients on the same"
         f" machine. Latency: from sending the mutation to the event's arrival, over every subscriber and event of the step.\n\n"
         + pathlib.Path(result).read_text().strip() + "\n<!-- subscribers:end -->")
text = pathlib.Path(doc).read_text()
text = re.sub(r"<!-- subscribers:start -->.*<!-- subscribers:end -->", lambda m: block, text, flags=re.S)
pathlib.Path(doc).write_text(text)
PY
echo "server log: $work/attache-attache_live.log"
