-- POST /api/v1/users with a fresh username per request; the token in env KEYWARD_BENCH_TOKEN.
local token = os.getenv("KEYWARD_BENCH_TOKEN")
local counter = 0
local prefix = ""
function setup(thread)
  thread:set("id", setup_count or 0)
  setup_count = (setup_count or 0) + 1
end
function init(args)
  prefix = string.format("c%d-%d", os.time(), id)
end
request = function()
  counter = counter + 1
  local name = prefix .. "-" .. counter
  local body = '{"username":"' .. name .. '","email":"' .. name .. '@bench.example","password":"bench password 1"}'
  return wrk.format("POST", "/api/v1/users",
                    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
