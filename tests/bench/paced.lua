-- Requests at a steady rate instead of as fast as they are answered: every connection waits its
-- share of the period before its next request. Arguments: the rate (req/s), the connection count.
local period_ms = 10
init = function(args)
  local rate, connections = tonumber(args[1]), tonumber(args[2])
  period_ms = connections * 1000 / rate
end
delay = function() return period_ms end
