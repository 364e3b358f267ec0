#!/bin/sh
# Starts Attaché in the JVM image (Dockerfile.jvm), in /deployments:
#   java <the image's options> [-XX:AOTCache=app.aot] $JAVA_OPTS_APPEND <docker run arguments> -jar quarkus-run.jar
# The image's options live here, not in a variable an operator sets, so that adding an option cannot silently drop
# them. The JVM takes the last of repeated options, so JAVA_OPTS_APPEND and the arguments can still override one.
set -eu
# JAVA_OPTS_APPEND is split at whitespace on purpose (several options in one variable), but never glob-expanded.
set -f

# SerialGC: the collector the AOT cache was trained with (and the one the JVM picks below 1792 MB anyway).
# MaxRAMPercentage: the heap follows the container's memory limit.
# The JVM's own warnings and errors (an unusable AOT cache among them) go to stderr, leaving stdout to the
# application's log lines, which are JSON with ATTACHE_LOG_JSON=true.
options="-XX:+UseSerialGC -XX:MaxRAMPercentage=60 -Xlog:disable -Xlog:all=warning:stderr"

# One line saying whether the AOT cache is used; a cache this JVM cannot use is reported by the JVM itself
# ("[warning][aot] ... [error][aot] Unable to map shared spaces"), which then starts without it.
if [ -f app.aot ]; then
  options="$options -XX:AOTCache=app.aot"
  echo "attache: AOT cache $PWD/app.aot in use (if this JVM cannot use it, the JVM's [aot] lines follow)" >&2
else
  echo "attache: no AOT cache ($PWD/app.aot missing): starting without one, more slowly" >&2
fi

# JAVA_OPTS used to replace all of the options above; it is now added after them, like JAVA_OPTS_APPEND.
if [ -n "${JAVA_OPTS:-}" ]; then
  echo "attache: JAVA_OPTS is added to the image's JVM options (no longer replaces them); prefer JAVA_OPTS_APPEND" >&2
fi

# exec: java becomes PID 1 and receives SIGTERM itself (graceful shutdown). Arguments go to the JVM, before -jar.
# shellcheck disable=SC2086
exec java $options ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} "$@" -jar quarkus-run.jar
