"""Checks that Attaché and PostGraphile give the same answers to Q1-Q3 on the benchmark data.

usage: same_answers.py ATTACHE_URL PEER_URL PEER_QUERIES_DIR BENCH_DIR CODES_FILE
Both answers are reduced to the facts the two schemas share (names differ: hostCountry vs
countryByHostCountryId, agenda vs agendaItemsByDelegationId...) and compared for a sample of ids.
"""
import json
import sys
import urllib.request

attache, peer, peer_queries, bench, codes_file = sys.argv[1:6]
codes = [line.strip().strip('"') for line in open(codes_file) if line.strip()]


def post(url, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json", "Accept": "application/json"})
    answer = json.load(urllib.request.urlopen(request))
    if answer.get("errors"):
        sys.exit(f"{url} answered with errors: {answer['errors']}")
    return answer["data"]


def read(path):
    return open(path).read()


def q1_attache(d):
    return (d["title"], d["startDate"], d["endDate"], d["summary"], d["hostCountry"]["code"], d["visitingCountry"]["name"],
            d["head"]["fullName"], d["head"]["rank"], d["head"]["position"],
            [(i["title"], i["location"], i["description"]) for i in d["agenda"]],
            [(a["name"], a["conferredOn"], a["recipient"]["fullName"]) for a in d["awards"]])


def q1_peer(d):
    return (d["title"], d["startDate"], d["endDate"], d["summary"], d["countryByHostCountryId"]["isoCode"],
            d["countryByVisitingCountryId"]["name"], d["personByLeaderId"]["fullName"], d["personByLeaderId"]["rank"],
            d["personByLeaderId"]["position"],
            [(i["title"], i["location"], i["description"]) for i in d["agendaItemsByDelegationId"]["nodes"]],
            [(a["name"], a["conferredOn"], a["personByRecipientId"]["fullName"]) for a in d["awardsByDelegationId"]["nodes"]])


def q2_attache(c):
    return (c["totalCount"], [(int(n["id"]), n["startDate"], n["head"]["fullName"], n["visitingCountry"]["code"],
                               len(n["agenda"]), [a["name"] for a in n["awards"]]) for n in c["nodes"]])


def q2_peer(c):
    return (c["totalCount"], [(n["id"], n["startDate"], n["personByLeaderId"]["fullName"],
                               n["countryByVisitingCountryId"]["isoCode"], len(n["agendaItemsByDelegationId"]["nodes"]),
                               [a["name"] for a in n["awardsByDelegationId"]["nodes"]]) for n in c["nodes"]])


checks = 0
for visit in (1, 2, 77, 5000, 9999, 10000):
    a = q1_attache(post(attache, read(f"{bench}/q1.graphql"), {"id": visit})["delegation"])
    p = q1_peer(post(peer, read(f"{peer_queries}/q1.v5.graphql"), {"id": visit})["delegation"])
    assert a == p, f"Q1 differs for visit {visit}:\n{a}\n{p}"
    checks += 1
for country in (1, 2, 25, 50):
    a = q2_attache(post(attache, read(f"{bench}/q2.graphql"), {"id": codes[country - 1]})["delegations"])
    p = q2_peer(post(peer, read(f"{peer_queries}/q2.v5.graphql"), {"id": country})["allDelegations"])
    assert a == p, f"Q2 differs for country {country}"
    checks += 1
a = [(c["code"], c["hostedCount"], c["sentCount"], c["awardsConferredCount"])
     for c in post(attache, read(f"{bench}/q3.graphql"), {})["countries"]]
p = [(c["isoCode"], c["hosted"]["totalCount"], c["visiting"]["totalCount"], c["awardsConferred"]["totalCount"])
     for c in post(peer, read(f"{peer_queries}/q3.v5.graphql"), {})["allCountries"]["nodes"]]
assert a == p, "Q3 differs"
print(f"same answers: {checks + 1} checks passed")
