-- wrk script for bench/soak.sh: a mix of dashboard reads and editors' writes, with tokens, as a working day brings
-- them. Reads (80 %): the visits list with nested fields, a full-text search, a country's statistics. Writes (20 %):
-- new people, new visits with a member and topics, awards. Every answer is checked: a non-200 status or an "errors"
-- key counts as an error, and done() prints the counts. Env: VIEWER_TOKEN, EDITOR_TOKEN, COUNTRIES (codes).
local thread_count, threads = 0, {}
function setup(thread)
  thread:set("tid", thread_count); thread_count = thread_count + 1; table.insert(threads, thread)
end

local kinds = {
  { name = "list", weight = 50, write = false, query = "query($c: String) { delegations(first: 20, filter: { country: $c }) { totalCount nodes { id title startDate hostCountry { name } visitingCountry { name } head { fullName } topics { label } } } }" },
  { name = "search", weight = 20, write = false, query = "query($t: String) { delegations(first: 10, filter: { text: $t }) { totalCount nodes { id title } } }" },
  { name = "stats", weight = 10, write = false, query = "query($c: String!) { cooperationStats(country: $c, interval: YEAR) { start visitsHosted visitsMade } }" },
  { name = "person", weight = 7, write = true, query = "mutation($i: PersonInput!) { createPerson(input: $i) { id version } }" },
  { name = "visit", weight = 8, write = true, query = "mutation($i: DelegationInput!) { createDelegation(input: $i) { id version members { person { id } } } }" },
  { name = "award", weight = 5, write = true, query = "mutation($i: AwardInput!) { conferAward(input: $i) { id } }" },
}
local countries = {}
local words = { "military", "cooperation", "exercise", "talks", "defence", "training", "medical", "cyber" }
local pick, counter = {}, 0

local function escape(s) return (s:gsub("\\", "\\\\"):gsub('"', '\\"')) end

function init(args)
  for code in string.gmatch(os.getenv("COUNTRIES"), "[A-Z]+") do table.insert(countries, code) end
  for i, kind in ipairs(kinds) do for _ = 1, kind.weight do table.insert(pick, i) end end
  counter = (tid or 0) * 100003
end

local function variables(kind, n)
  local c, other = countries[n % #countries + 1], countries[(n + 3) % #countries + 1]
  local person = n % 2000 + 1
  if kind.name == "list" then return string.format('{"c":"%s"}', c)
  elseif kind.name == "search" then return string.format('{"t":"%s"}', words[n % #words + 1])
  elseif kind.name == "stats" then return string.format('{"c":"%s"}', c)
  elseif kind.name == "person" then
    return string.format('{"i":{"fullName":"Soak Person %d","rank":"Colonel","position":"Attaché","country":"%s"}}', n, c)
  elseif kind.name == "visit" then
    return string.format('{"i":{"title":"Soak visit %d","kind":"WORKING_VISIT","status":"PLANNED","visitingCountry":"%s",'
      .. '"hostCountry":"%s","startDate":"2026-%02d-%02d","members":[{"personId":"%d","role":"Head of delegation"}],'
      .. '"hosts":[],"topics":["military","joint-exercises"]}}', n, c, other, n % 12 + 1, n % 28 + 1, person)
  else
    return string.format('{"i":{"name":"Soak medal %d","kind":"MEDAL","recipientId":"%d","conferredBy":"%s","conferredOn":"2026-01-%02d"}}',
      n, person, c, n % 28 + 1)
  end
end

local last = nil
function request()
  counter = counter + 1
  local kind = kinds[pick[counter % #pick + 1]]
  last = kind.name
  local token = kind.write and os.getenv("EDITOR_TOKEN") or os.getenv("VIEWER_TOKEN")
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json",
                    ["Authorization"] = "Bearer " .. token }
  local body = string.format('{"query":"%s","variables":%s}', escape(kind.query), variables(kind, counter))
  return wrk.format("POST", wrk.path, headers, body)
end

-- With one connection per request in flight, the answer belongs to the last request of this connection; wrk runs
-- connections of a thread in one Lua state, so the kind is tracked per thread, not per request: errors are counted
-- per thread and named by status only.
errors, bad_status, answered = 0, 0, 0
function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then bad_status = bad_status + 1 end
  if string.find(body, '"errors"', 1, true) then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("error answer: " .. string.sub(body, 1, 400) .. "\n") end
  end
end

function done(summary, latency, requests)
  local e, s, a = 0, 0, 0
  for _, t in ipairs(threads) do e = e + t:get("errors"); s = s + t:get("bad_status"); a = a + t:get("answered") end
  io.write(string.format("soak answered=%d graphql_errors=%d non_200=%d\n", a, e, s))
end
