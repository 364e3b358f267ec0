# Sourced by bench/score.sh and bench/bulk-import.sh: PostgreSQL up, the production jar (built from this checkout
# unless ATTACHE_JAR names one), and serve_on DATABASE: a fresh database and Attaché on it, stopped when the caller exits.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
pg_isready -q -h "$PGHOST" -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect 15 main start
for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
[ -n "${ATTACHE_JAR:-}" ] || (cd "$root" && ./mvnw -B -q package -DskipTests -Dexternal-db)

serve_on() { # $1 database
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  ATTACHE_JWT_PUBLIC_KEY_LOCATION="$root/src/dev/jwt/public-key.pem" ATTACHE_JWT_ISSUER=attache-dev \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
    java -jar "${ATTACHE_JAR:-$root/target/quarkus-app/quarkus-run.jar}" > "$work/attache.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2> /dev/null || true; wait $pid 2> /dev/null || true' EXIT
  for _ in $(seq 1 120); do
    kill -0 $pid 2> /dev/null || { cat "$work/attache.log" >&2; exit 1; }
    curl -sf -o /dev/null http://127.0.0.1:9000/q/health/ready && return 0
    sleep 0.5
  done
  echo "Attaché did not start; see $work/attache.log" >&2; exit 1
}
