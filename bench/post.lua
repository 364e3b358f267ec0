-- wrk script: POSTs the GraphQL document in $GQL_FILE with variables {"id": V}. V walks 1..$ID_MAX with a prime
-- stride (7919) from a per-thread offset, so consecutive requests read different rows; with $VALUES_FILE, V is the
-- JSON literal on that line of the file instead (Attaché's Q2 takes country codes where the peer takes ids); with
-- $VARIABLES_FILE, each line is a whole variables object (for queries with more than one variable); $EXECUTION sets
-- Attaché's Attache-Execution header; $TOKEN, a bearer token to send.
-- Bodies are built in init(), so a request costs wrk one table lookup.
local thread_count = 0
function setup(thread) thread:set("tid", thread_count); thread_count = thread_count + 1 end

local bodies, size, cursor = {}, 0, 0
function init(args)
  local file = assert(io.open(os.getenv("GQL_FILE"), "r"))
  local query = file:read("*a"):gsub("[\r\n]+", " "):gsub("\\", "\\\\"):gsub('"', '\\"')
  file:close()
  local values, whole = {}, (os.getenv("VARIABLES_FILE") or "") ~= ""
  local file_name = whole and os.getenv("VARIABLES_FILE") or os.getenv("VALUES_FILE") or ""
  if file_name ~= "" then
    for line in io.lines(file_name) do values[#values + 1] = line end
  end
  size = #values > 0 and #values or tonumber(os.getenv("ID_MAX") or "1")
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  -- $EXECUTION=resolvers asks Attaché to answer with its resolvers instead of one SQL statement (to compare both).
  if (os.getenv("EXECUTION") or "") ~= "" then headers["Attache-Execution"] = os.getenv("EXECUTION") end
  if (os.getenv("TOKEN") or "") ~= "" then headers["Authorization"] = "Bearer " .. os.getenv("TOKEN") end
  for k = 1, size do
    local n = ((k - 1) * 7919) % size + 1
    local value = #values > 0 and values[n] or tostring(n)
    local variables = whole and value or string.format('{"id":%s}', value)
    bodies[k] = wrk.format("POST", wrk.path, headers, string.format('{"query":"%s","variables":%s}', query, variables))
  end
  cursor = (tid or 0) * 997
end

function request()
  cursor = cursor + 1
  return bodies[(cursor % size) + 1]
end
