#!/usr/bin/env python3
"""Scores press-release extraction against the corpus's gold files.

Imports every release of src/test/resources/releases through /graphql (importPressRelease, then reads the import back)
and prints precision, recall and F1 per field group, for the development part, the held-out part (every third entry:
03, 06, 09, ...) and all. With --offline FILE it scores CorpusDump's JSON lines instead (no service needed).

  python3 bench/score.py --url http://localhost:8080/graphql --token "$(java src/dev/DevToken.java editor scorer)"
  python3 bench/score.py --offline dump.jsonl
Exits 1 when overall F1 on all entries is below --min (default 0).
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata
import urllib.request

GROUPS = ["countries", "kind", "dates", "head", "hosts", "members", "agenda kinds", "honours", "topics", "awards",
          "agreements"]

IMPORT = """
mutation Import($input: PressReleaseInput!) {
  importPressRelease(input: $input) {
    id status warnings
    delegation {
      kind status startDate endDate
      visitingCountry { code } hostCountry { code } otherCountries { code }
      head { fullName rank }
      hosts { person { fullName } }
      members { person { fullName } }
      agenda { kind honours topics { slug } }
    }
    awards { name kind grade recipient { fullName } conferredBy { code } }
    agreements { kind parties { code } }
  }
}"""


def key(name):
    if not name:
        return None
    folded = unicodedata.normalize("NFD", name)
    folded = "".join(c for c in folded if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9' -]+", " ", folded).split()


def same_person(a, b):
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    return ka == kb or (ka[-1] == kb[-1] and ka[0][0] == kb[0][0])


def facts(record):
    """The countable facts of one release, per group: lists of hashable items (multisets)."""
    out = {g: [] for g in GROUPS}
    d = record.get("delegation")
    if d:
        out["countries"] += [("visiting", d.get("visitingCountry")), ("host", d.get("hostCountry"))]
        out["countries"] += [("other", c) for c in d.get("otherCountries") or []]
        out["countries"] = [c for c in out["countries"] if c[1]]
        out["kind"].append(d.get("kind"))
        if d.get("startDate"):
            out["dates"].append(("start", d["startDate"]))
        if d.get("endDate"):
            out["dates"].append(("end", d["endDate"]))
        if d.get("head") and d["head"].get("name"):
            out["head"].append(("person", d["head"]["name"]))
        out["hosts"] = [("person", h["name"]) for h in d.get("hosts") or [] if h.get("name")]
        out["members"] = [("person", m["name"]) for m in d.get("members") or [] if m.get("name")]
        topics = set()
        for item in d.get("agenda") or []:
            out["agenda kinds"].append(item["kind"])
            out["honours"] += list(item.get("honours") or [])
            topics |= set(item.get("topics") or [])
        out["topics"] = sorted(topics)
    for a in record.get("awards") or []:
        out["awards"].append(("award", a["recipient"]["name"] if a.get("recipient") else None, a.get("kind")))
    for g in record.get("agreements") or []:
        out["agreements"].append(g.get("kind"))
    return out


def match(gold, predicted):
    """True positives of two multisets, persons compared as the same person (accents, case, initials)."""
    remaining = list(predicted)
    tp = 0
    for g in gold:
        for i, p in enumerate(remaining):
            if equal(g, p):
                tp += 1
                del remaining[i]
                break
    return tp, len(predicted) - tp, len(gold) - tp


def equal(g, p):
    if isinstance(g, tuple) and isinstance(p, tuple) and g and g[0] in ("person", "award"):
        if g[0] != p[0]:
            return False
        if g[0] == "person":
            return same_person(g[1], p[1])
        return same_person(g[1], p[1]) and g[2] == p[2]
    return g == p


def from_import(data):
    """An import as the gold files write it."""
    d = data.get("delegation")
    record = {"delegation": None, "awards": [], "agreements": []}
    if d:
        record["delegation"] = {
            "visitingCountry": d["visitingCountry"]["code"], "hostCountry": d["hostCountry"]["code"],
            "otherCountries": [c["code"] for c in d["otherCountries"]], "kind": d["kind"], "status": d["status"],
            "startDate": d["startDate"], "endDate": d["endDate"],
            "head": {"name": d["head"]["fullName"]} if d["head"] else None,
            "hosts": [{"name": h["person"]["fullName"]} for h in d["hosts"]],
            "members": [{"name": m["person"]["fullName"]} for m in d["members"]],
            "agenda": [{"kind": i["kind"], "honours": i["honours"], "topics": [t["slug"] for t in i["topics"]]}
                       for i in d["agenda"]]}
    record["awards"] = [{"kind": a["kind"], "recipient": {"name": a["recipient"]["fullName"]},
                         "conferredBy": a["conferredBy"]["code"]} for a in data["awards"]]
    record["agreements"] = [{"kind": g["kind"], "parties": [c["code"] for c in g["parties"]]} for g in data["agreements"]]
    return record


def post(url, token, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "releases"))
    parser.add_argument("--url")
    parser.add_argument("--token")
    parser.add_argument("--offline")
    parser.add_argument("--min", type=float, default=0.0)
    parser.add_argument("--details", action="store_true", help="print each entry's misses")
    parser.add_argument("--markdown", action="store_true", help="print the table as docs/ingestion.md's rows")
    args = parser.parse_args()

    names = sorted(f[:-5] for f in os.listdir(args.corpus) if f.endswith(".json"))
    offline = {}
    if args.offline:
        with open(args.offline, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                offline[row["file"][:-4]] = row["extraction"]

    totals = {part: {g: [0, 0, 0] for g in GROUPS} for part in ("development", "held-out")}
    for name in names:
        with open(os.path.join(args.corpus, name + ".json"), encoding="utf-8") as f:
            gold = json.load(f)
        if args.offline:
            predicted = offline[name]
        else:
            with open(os.path.join(args.corpus, name + ".txt"), encoding="utf-8") as f:
                text = f.read()
            inp = dict(gold["input"])
            inp["text"] = text
            answer = post(args.url, args.token, IMPORT, {"input": {k: v for k, v in inp.items() if v is not None}})
            if answer.get("errors"):
                print(name, "import failed:", answer["errors"][0].get("message"), file=sys.stderr)
                predicted = {"delegation": None, "awards": [], "agreements": []}
            else:
                predicted = from_import(answer["data"]["importPressRelease"])
        part = "held-out" if int(name.split("-")[0]) % 3 == 0 else "development"
        g_facts, p_facts = facts(gold), facts(predicted)
        for group in GROUPS:
            tp, fp, fn = match(g_facts[group], p_facts[group])
            counts = totals[part][group]
            counts[0] += tp
            counts[1] += fp
            counts[2] += fn
            if args.details and (fp or fn) and part == "development":
                print(f"{name} {group}: gold {g_facts[group]} got {p_facts[group]}")

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    overall = {}
    if not args.markdown:
        print(f"{'field group':<14} | {'development P/R/F1':>20} | {'held-out P/R/F1':>20} | {'all P/R/F1':>20}")
        print("-" * 84)
    for group in GROUPS + ["overall"]:
        cells = []
        for part in ("development", "held-out", "all"):
            if group == "overall":
                parts = ["development", "held-out"] if part == "all" else [part]
                tp = sum(totals[x][g][0] for x in parts for g in GROUPS)
                fp = sum(totals[x][g][1] for x in parts for g in GROUPS)
                fn = sum(totals[x][g][2] for x in parts for g in GROUPS)
            else:
                parts = ["development", "held-out"] if part == "all" else [part]
                tp, fp, fn = (sum(totals[x][group][i] for x in parts) for i in range(3))
            p, r, f1 = prf(tp, fp, fn)
            if group == "overall":
                overall[part] = f1
            cells.append(f"{p:.2f} / {r:.2f} / {f1:.2f}")
        if args.markdown:
            name = f"**{group}**" if group == "overall" else group
            print(f"| {name} | {cells[0]} | {cells[1]} | {cells[2]} |")
        else:
            print(f"{group:<14} | {cells[0]:>20} | {cells[1]:>20} | {cells[2]:>20}")
    print(f"\n{len(names)} releases ({sum(1 for n in names if int(n.split('-')[0]) % 3 == 0)} held out)")
    if overall["all"] < args.min:
        print(f"overall F1 {overall['all']:.3f} is below the minimum {args.min}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
