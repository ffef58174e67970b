-- wrk script: every request orders one conference ticket for a new buyer.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"buyer":{"email":"buyer%d-%d@example.org","name":"Buyer"},' ..
    '"tickets":[{"type":"conference","attendee":{"name":"Attendee","email":"attendee%d-%d@example.org"}}],' ..
    '"consent":true}', thread_id, counter, thread_id, counter)
  return wrk.format("POST", "/api/events/bench/orders", {["Content-Type"] = "application/json"}, body)
end
