#!/usr/bin/env bash
# Extraction alone, on one core (taskset): releases per second over the corpus, five rounds after a warm-up.
#   bench/extraction.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && ./mvnw -B -q test-compile)
taskset -c 0 java -cp "$root/target/classes:$root/target/test-classes" \
  org.attache.pressrelease.extraction.ExtractionBench "$root/src/test/resources/releases"
