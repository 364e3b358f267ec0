#!/usr/bin/env bash
# Bulk import on the packaged service: 1,000 releases (the corpus's texts, each made a distinct release by its own
# reference line and URL) loaded by the command-line loader into a fresh database, then loaded again (all already
# there). Prints the loader's summaries and wall-clock times.   bench/bulk-import.sh [count] [calls in flight]
set -euo pipefail
. "$(dirname "$0")/serve.sh"
count=${1:-1000}
parallel=${2:+--parallel $2}
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
serve_on $db
token=$(java "$root/src/dev/DevToken.java" editor bulk)
echo "== first load of $count releases"
java "$root/src/cli/ImportReleases.java" "$work/releases.jsonl" --token "$token" --report "$work/report.tsv" $parallel 2> /dev/null
echo "== the same file again, without the report (every release already there)"
java "$root/src/cli/ImportReleases.java" "$work/releases.jsonl" --token "$token" $parallel 2> /dev/null
echo "== rows: $(psql -tA -d $db -c "select count(*) from press_release_import") imports, $(psql -tA -d $db -c "select count(*) from delegation") visits, $(psql -tA -d $db -c "select count(*) from award") awards, $(psql -tA -d $db -c "select count(*) from person") persons"
