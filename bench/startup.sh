#!/usr/bin/env bash
# Startup of the production build: time from process start to the first successful GraphQL answer that reads the
# database (bench/first_answer.py), and RSS right after it. Runs are interleaved (one of each variant per round) so
# that the machine's drift hits all alike; medians go into docs/benchmarks.md between startup:start and startup:end.
#   fast-jar on JDK 17, the same fast-jar on JDK 25, and the aot-jar with its JDK 25 AOT cache (trained by the
#   integration tests), plus two diagnostic variants of the last that show what start-up work costs: without Flyway's
#   check at start, and without that and Hibernate's schema validation.
# Env: RUNS (7), JDK17 and JDK25 (their homes), JAVA_OPTS (-Xmx512m -XX:+UseSerialGC: the JVM image's collector, with
#      which the cache is trained), PGHOST/PGPORT/PGUSER.
set -euo pipefail
work=$(mktemp -d /tmp/attache-startup.XXXX)
RUNS=${RUNS:-7}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64} JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
read -r -a opts <<< "${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"
source "$(dirname "$0")/common.sh" # PostgreSQL up, the fast-jar built (JDK 17)
cd "$root"
for db in attache_startup attache_aot_training; do
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done
cp -a target/quarkus-app "$work/fast-jar"
echo "== building the aot-jar with its cache (JDK 25, trained by the integration tests)"
JAVA_HOME=$JDK25 QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/attache_aot_training" \
QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=unused \
  ./mvnw -B -q verify -Daot -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false > "$work/aot-build.log"
cp -a target/quarkus-app "$work/aot-jar" # -a: the cache records the jars' timestamps
[ -f "$work/aot-jar/app.aot" ] || { echo "no AOT cache was trained; see $work/aot-build.log" >&2; exit 1; }

# The first start migrates the empty database; every measured start then finds it up to date, as a restart would.
ATTACHE_JAR="$work/fast-jar/quarkus-run.jar" start_attache attache_startup && stop_attache
attache_env attache_startup

variants=(fast-jar-17 fast-jar-25 aot-25 aot-25-no-flyway aot-25-no-flyway-no-validation)
run() { # $1 variant: prints "<ms> <MB>"
  local java=$JDK25/bin/java app=$work/aot-jar aot=(-XX:AOTCache=app.aot)
  case $1 in
    fast-jar-*) app=$work/fast-jar aot=() ;;&
    fast-jar-17) java=$JDK17/bin/java ;;
  esac
  case $1 in
    *-no-flyway*) export QUARKUS_FLYWAY_MIGRATE_AT_START=false ;;&
    *-no-validation) export QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none ;;
  esac
  python3 bench/first_answer.py "$java" "$app" "${aot[@]}" "${opts[@]}"
}
for round in $(seq 1 "$RUNS"); do
  for variant in "${variants[@]}"; do
    echo "$variant $(run "$variant")" | tee -a "$work/results.txt" # $(...) keeps run's exports to itself
  done
done

python3 - "$work/results.txt" "$RUNS" "${opts[*]}" "$root/docs/benchmarks.md" <<'PY'
import re, statistics, subprocess, sys
results, runs, opts, doc = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = {}
for line in open(results):
    variant, ms, mb = line.split()
    rows.setdefault(variant, []).append((int(ms), int(mb)))
what = {
    "fast-jar-17": "fast-jar, JDK 17",
    "fast-jar-25": "fast-jar, JDK 25",
    "aot-25": "aot-jar + AOT cache, JDK 25",
    "aot-25-no-flyway": "… without Flyway at start (diagnostic)",
    "aot-25-no-flyway-no-validation": "… and without schema validation (diagnostic)",
}
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
table = [f"Command: `bench/startup.sh` (RUNS={runs}, JVM options `{opts}`); {subprocess.getoutput('nproc')} cores ({cpu}), "
         "PostgreSQL 15 on the same machine, database up to date. Time from process start to the first GraphQL answer "
         "that reads the database; RSS right after it.", "",
         "| variant | median ms | min–max ms | median RSS MB |", "|---|---|---|---|"]
for variant, label in what.items():
    ms = [r[0] for r in rows[variant]]; mb = [r[1] for r in rows[variant]]
    table.append(f"| {label} | **{statistics.median(ms):.0f}** | {min(ms)}–{max(ms)} | {statistics.median(mb):.0f} |")
text = open(doc).read()
block = "<!-- startup:start -->\n" + "\n".join(table) + "\n<!-- startup:end -->"
if "<!-- startup:start -->" in text:
    text = re.sub(r"<!-- startup:start -->.*<!-- startup:end -->", lambda _: block, text, flags=re.S)
else:
    text += "\n## Startup\n\n" + block + "\n"
open(doc, "w").write(text)
print("\n".join(table))
PY
