#!/usr/bin/env bash
# The extraction scorer on the packaged service: a fresh database, the corpus imported through /graphql, the table of
# docs/ingestion.md printed. Arguments go to bench/score.py (--min 0.85 makes it fail below that overall F1).
#   bench/score.sh [--min 0.85] [--details]        (ATTACHE_JAR=path/to/quarkus-run.jar skips the build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
pg_isready -q -h "$PGHOST" -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect 15 main start
for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
if [ -z "${ATTACHE_JAR:-}" ]; then
  (cd "$root" && ./mvnw -B -q package -DskipTests -Dexternal-db)
fi
db=attache_score
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
python3 "$root/bench/score.py" --url http://127.0.0.1:8080/graphql \
  --token "$(java "$root/src/dev/DevToken.java" editor scorer)" "$@"
