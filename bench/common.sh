# Sourced by bench/run.sh and bench/scale.sh (after they set $work): their shared settings, PostgreSQL up, the
# production jar built from this checkout, and starting and stopping Attaché on a given database.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-15} WARMUP=${WARMUP:-60} CONNECTIONS=${CONNECTIONS:-16}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -XX:ReservedCodeCacheSize=96m}
attache_pid=

pg_isready -q -h "$PGHOST" -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect 15 main start
(cd "$root" && ./mvnw -B -q package -DskipTests -Dexternal-db)

start_attache() { # $1 database, $2 extra JDBC URL parameters (optional)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1${2:-}" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
    java $JAVA_OPTS -jar "$root/target/quarkus-app/quarkus-run.jar" > "$work/attache-$1.log" 2>&1 &
  attache_pid=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:8080/q/health/ready" && return 0
    sleep 0.5
  done
  echo "Attaché did not start; see $work/attache-$1.log" >&2; exit 1
}

stop_attache() { kill "$attache_pid"; wait "$attache_pid" 2>/dev/null || true; attache_pid=; }
