-- POST /api/v1/auth/login as one of the seeded users, a different one per request.
local counter = 0
request = function()
  counter = counter + 1
  local user = string.format("user%06d", (counter % 99999) + 1)
  local body = '{"login":"' .. user .. '","password":"bench password"}'
  return wrk.format("POST", "/api/v1/auth/login", {["Content-Type"] = "application/json"}, body)
end
