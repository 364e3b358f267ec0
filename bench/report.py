"""Writes bench/run.sh's results into docs/benchmarks.md, between <!-- bench:start --> and <!-- bench:end -->.

usage: report.py RESULTS_FILE BENCHMARKS_MD COMMAND
"""
import datetime
import os
import platform
import re
import sys

results_file, doc, command = sys.argv[1:4]
runs, rss, statements = {}, {}, {}
for line in open(results_file):
    parts = line.split()
    if parts[1] == "rss":
        rss[parts[0]] = parts[2]
    elif parts[1] == "statements":
        statements[(parts[0], parts[2])] = parts[3]
    else:
        runs[(parts[0], parts[1])] = parts[2:]

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
lines = [
    f"Run of {datetime.date.today()} on {os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB,"
    " PostgreSQL 15 on the same machine; wrk -t2 with the connections below, one server after the other.",
    "",
    f"    {command}",
    "",
    "| query | server | req/s | p50 | p99 | non-2xx | SQL statements per request |",
    "|---|---|---|---|---|---|---|",
]
names = {"attache": "Attaché", "postgraphile": "PostGraphile 5.1.5", "attache-resolvers": "Attaché, resolvers only"}
for q in ("q1", "q2", "q3"):
    for server in ("attache", "postgraphile", "attache-resolvers"):
        if (server, q) not in runs:
            continue
        rps, p50, p99, bad = runs[(server, q)]
        lines.append(f"| {q.upper()} | {names[server]} | {rps} | {p50} | {p99} | {bad} | {statements.get((server, q), '-')} |")
    a, p = runs.get(("attache", q)), runs.get(("postgraphile", q))
    if a and p:
        lines.append(f"| {q.upper()} | **Attaché / PostGraphile** | **{float(a[0]) / float(p[0]):.2f}x** | | | | |")
lines += ["", f"RSS after the load: Attaché {rss.get('attache', '-')} MB, PostGraphile {rss.get('postgraphile', '-')} MB"
          f" (Attaché after its resolvers-only run: {rss.get('attache-resolvers', '-')} MB)."]

text = open(doc).read()
block = "<!-- bench:start -->\n" + "\n".join(lines) + "\n<!-- bench:end -->"
text = re.sub(r"<!-- bench:start -->.*<!-- bench:end -->", lambda m: block, text, flags=re.S)
open(doc, "w").write(text)
