-- POST /api/v1/auth/refresh, each refresh token used once: every thread takes tokens from its own
-- share of the file in KEYWARD_BENCH_REFRESH_FILE (one per line) and puts back the one it gets.
local pool = {}
function setup(thread)
  thread:set("id", setup_count or 0)
  setup_count = (setup_count or 0) + 1
end
function init(args)
  local threads = tonumber(args[1] or "2")
  local n = 0
  for line in io.lines(os.getenv("KEYWARD_BENCH_REFRESH_FILE")) do
    if n % threads == id then table.insert(pool, line) end
    n = n + 1
  end
end
request = function()
  local token = table.remove(pool, 1) or "exhausted"
  return wrk.format("POST", "/api/v1/auth/refresh", {["Content-Type"] = "application/json"},
                    '{"refresh_token":"' .. token .. '"}')
end
response = function(status, headers, body)
  local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if token then table.insert(pool, token) end
end
