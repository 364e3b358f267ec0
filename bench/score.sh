#!/usr/bin/env bash
# The extraction scorer on the packaged service: a fresh database, the corpus imported through /graphql, the table of
# docs/ingestion.md printed. Arguments go to bench/score.py (--min 0.85 makes it fail below that overall F1).
#   bench/score.sh [--min 0.85] [--details] [--markdown]   (ATTACHE_JAR=path/to/quarkus-run.jar skips the build)
set -euo pipefail
. "$(dirname "$0")/serve.sh"
serve_on attache_score
python3 "$root/bench/score.py" --url http://127.0.0.1:8080/graphql \
  --token "$(java "$root/src/dev/DevToken.java" editor scorer)" "$@"
