# Sourced by bench/run.sh and bench/scale.sh (after they set $work): their shared settings, PostgreSQL up, the
# production jar built from this checkout, and starting and stopping Attaché on a given database.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-15} WARMUP=${WARMUP:-60} CONNECTIONS=${CONNECTIONS:-16}
# With LEAN=1 (the runs side by side with PostGraphile), a heap small enough for the memory target (RSS no more than
# PostGraphile's): queries answered with one statement allocate little. The native heap is trimmed every 2 s: what
# the JIT compilers free would otherwise stay resident.
if [ "${LEAN:-0}" = 1 ]; then
  JAVA_OPTS=${JAVA_OPTS:--Xmx80m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=2000 -Xss512k}
else
  JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -XX:ReservedCodeCacheSize=96m}
fi
attache_pid=

pg_isready -q -h "$PGHOST" -p "$PGPORT" || pg_ctlcluster --skip-systemctl-redirect 15 main start
command -v wrk > /dev/null || { apt-get install -y -q wrk > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }; }
(cd "$root" && ./mvnw -B -q package -DskipTests -Dexternal-db)

# The environment Attaché runs with here. Tokens are verified against the dev key pair (java src/dev/DevToken.java
# <role> prints one); reads are anonymous unless the caller says otherwise: the peer's queries carry no token.
attache_env() { # $1 database, $2 extra JDBC URL parameters (optional)
  export ATTACHE_JWT_PUBLIC_KEY_LOCATION="$root/src/dev/jwt/public-key.pem" ATTACHE_JWT_ISSUER=attache-dev \
    ATTACHE_ANONYMOUS_READS=${ATTACHE_ANONYMOUS_READS:-true} \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1${2:-}" QUARKUS_DATASOURCE_USERNAME=$PGUSER
  # Throughput runs send everything as one client (one address, or one or two tokens): the per-client shares would
  # refuse most of it. bench/abuse.sh, which measures the shares, keeps them (CLIENT_LIMITS=production).
  if [ "${CLIENT_LIMITS:-off}" = off ]; then
    export ATTACHE_CLIENT_REQUESTS_PER_SECOND=1000000 ATTACHE_CLIENT_BURST=1000000 \
      ATTACHE_CLIENT_CONCURRENT_OPERATIONS=100000 ATTACHE_CLIENT_BYTES_PER_MINUTE=1000G
  fi
}

# Starts the jar in ATTACHE_JAR (default: this checkout's) and waits until /graphql answers, which any build does,
# also those from before the management port (bench/ab.sh starts older revisions).
start_attache() { # $1 database, $2 extra JDBC URL parameters (optional)
  # MALLOC_ARENA_MAX as the JVM image sets it (Dockerfile.jvm), for Attaché only.
  (attache_env "$1" "${2:-}"; export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}; exec java $JAVA_OPTS -jar "${ATTACHE_JAR:-$root/target/quarkus-app/quarkus-run.jar}") \
    > "$work/attache-$1.log" 2>&1 &
  attache_pid=$!
  for _ in $(seq 1 120); do
    # Any HTTP answer will do (a 401 where reads need a token); curl fails only while nothing listens.
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"query": "{ __typename }"}' http://127.0.0.1:8080/graphql \
      && return 0
    sleep 0.5
  done
  echo "Attaché did not start; see $work/attache-$1.log" >&2; exit 1
}

# One wrk run of a query file against a URL; Attaché's Q2 takes the country codes in $work/codes.txt (when the
# caller made it), the peer's Q2 its 50 country ids, every other query the 10,000 visit ids.
load() { # $1 url, $2 query file, $3 seconds; prints wrk's report
  local values= ids=10000
  case $2 in *bench/q2.graphql) values=$work/codes.txt ;; *q2.v5.graphql) ids=50 ;; esac
  GQL_FILE=$2 ID_MAX=$ids VALUES_FILE=$values wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -s "$root/bench/post.lua" "$1"
}

# A build that ran out of memory (bench/abuse.sh's "before") may never finish its shutdown: 60 s, then it is killed.
stop_attache() {
  kill "$attache_pid"
  for _ in $(seq 1 60); do kill -0 "$attache_pid" 2> /dev/null || break; sleep 1; done
  kill -9 "$attache_pid" 2> /dev/null || true
  wait "$attache_pid" 2> /dev/null || true
  attache_pid=
}
