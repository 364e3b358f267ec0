#!/usr/bin/env bash
# The dashboard's speed: how long each view takes from navigation until it is complete (data shown, charts drawn), in
# the system's Chromium, against the packaged service with 10,000 visits (bench/data.sql). Each view is opened
# RUNS times in a fresh browser context (empty cache: the first visit) and RUNS times reloaded (cached assets).
#   bench/page.sh            RUNS=15 by default
set -euo pipefail
. "$(dirname "$0")/serve.sh"
[ -x /usr/bin/chromium ] || apt-get install -y -q chromium > /dev/null
db=attache_page
serve_on $db
psql -q -d $db -v visits=10000 -f "$root/bench/data.sql" > /dev/null
bundle=$(curl -s http://127.0.0.1:8080/ | grep -o '/static/bundle/app-[A-Z0-9]*\.js')
echo "The page's script: $(curl -s -o /dev/null -w '%{size_download}' http://127.0.0.1:8080$bundle) bytes," \
  "$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' http://127.0.0.1:8080$bundle) bytes compressed"
(cd "$root" && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" > /dev/null)
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$(cat "$work/cp.txt")" "$root/bench/PageSpeed.java" \
  http://127.0.0.1:8080/ "$(java "$root/src/dev/DevToken.java" viewer page-bench)" "${RUNS:-15}"
