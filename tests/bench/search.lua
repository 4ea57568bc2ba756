-- GET /api/v1/users?q=... : a selective search (one user's number) or, with the argument "all",
-- one that matches everyone. wrk -s search.lua URL -- [all] ; the token in env KEYWARD_BENCH_TOKEN.
local token = os.getenv("KEYWARD_BENCH_TOKEN")
local users = tonumber(os.getenv("KEYWARD_BENCH_USERS") or "100000")
local all = false
function init(args)
  all = args[1] == "all"
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
end
request = function()
  local q = all and "user" or string.format("user%06d", math.random(1, users - 1))
  return wrk.format("GET", "/api/v1/users?limit=20&q=" .. q, {["Authorization"] = "Bearer " .. token})
end
