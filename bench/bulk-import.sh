#!/usr/bin/env bash
# Bulk import on the packaged service: 1,000 releases (the corpus's texts, each made a distinct release by its own
# reference line and URL) loaded by the command-line loader into a fresh database, then loaded again (all already
# there). Prints the loader's summaries and wall-clock times.   bench/bulk-import.sh [count]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-1000}
work=$(mktemp -d)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
pg_isready -q -h "$PGHOST" -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect 15 main start
[ -n "${ATTACHE_JAR:-}" ] || (cd "$root" && ./mvnw -B -q package -DskipTests -Dexternal-db)
python3 - "$root/src/test/resources/releases" "$work/releases.jsonl" "$count" <<'PY'
import glob, json, sys
texts = sorted(glob.glob(sys.argv[1] + "/*.txt"))
with open(sys.argv[2], "w") as out:
    for n in range(int(sys.argv[3])):
        text = texts[n % len(texts)]
        release = dict(json.load(open(text[:-4] + ".json"))["input"])
        release["text"] = open(text).read() + "\n\nReference: bulk-%d.\n" % n
        release["sourceUrl"] = "https://attache.example/bulk/%d" % n
        out.write(json.dumps(release) + "\n")
PY
db=attache_bulk
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
ATTACHE_JWT_PUBLIC_KEY_LOCATION="$root/src/dev/jwt/public-key.pem" ATTACHE_JWT_ISSUER=attache-dev \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  java -jar "${ATTACHE_JAR:-$root/target/quarkus-app/quarkus-run.jar}" > "$work/attache.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true; wait $pid 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  kill -0 $pid 2> /dev/null || { cat "$work/attache.log" >&2; exit 1; }
  curl -sf -o /dev/null http://127.0.0.1:9000/q/health/ready && break
  sleep 0.5
done
token=$(java "$root/src/dev/DevToken.java" editor bulk)
echo "== first load of $count releases"
java "$root/src/cli/ImportReleases.java" "$work/releases.jsonl" --token "$token" --report "$work/report.tsv" 2> /dev/null
echo "== the same file again, without the report (every release already there)"
java "$root/src/cli/ImportReleases.java" "$work/releases.jsonl" --token "$token" 2> /dev/null
echo "== rows: $(psql -tA -d $db -c "select count(*) from press_release_import") imports, $(psql -tA -d $db -c "select count(*) from delegation") visits, $(psql -tA -d $db -c "select count(*) from award") awards, $(psql -tA -d $db -c "select count(*) from person") persons"
