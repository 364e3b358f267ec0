#!/usr/bin/env bash
# Extraction alone, on one core (taskset): releases per second over the corpus, five rounds after a warm-up.
#   bench/extraction.sh              this checkout
#   bench/extraction.sh <revision>   this checkout and that revision side by side, alternating, three runs each
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && ./mvnw -B -q test-compile)
run() { # $1 classes directory
  taskset -c 0 java -cp "$1:$root/target/test-classes" org.attache.pressrelease.extraction.ExtractionBench \
    "$root/src/test/resources/releases" | tail -n 1
}
if [ $# -eq 0 ]; then
  run "$root/target/classes"
  exit
fi
base=$(mktemp -d)
git -C "$root" worktree add -q --detach "$base" "$1"
trap 'git -C "$root" worktree remove --force "$base"' EXIT
(cd "$base" && ./mvnw -B -q -o compile)
for i in 1 2 3; do
  echo "$1: $(run "$base/target/classes")"
  echo "this checkout: $(run "$root/target/classes")"
done
