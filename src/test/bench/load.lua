-- wrk script for src/test/bench/run: every request is a new person, a sign-up or an order of one ticket.
-- Environment: BENCH_KIND (signup or order), BENCH_TAG (makes addresses unique across the phases of one run),
-- BENCH_EVENT and BENCH_TYPE (for orders), BENCH_CLIENTS (many: each request comes from its own client address,
-- forwarded by the trusted proxy 127.0.0.1 as in production behind a load balancer; one: every request from
-- 127.0.0.1, so all of them share one rate-limit bucket and one network's unpaid-seat cap).
-- done() prints one line the run script reads: RESULT key=value ...
local kind = os.getenv("BENCH_KIND") or "signup"
local tag = os.getenv("BENCH_TAG") or "t"
local event = os.getenv("BENCH_EVENT") or "bench"
local ticket_type = os.getenv("BENCH_TYPE") or "conference"
local many_clients = (os.getenv("BENCH_CLIENTS") or "many") == "many"

local threads = {}
local thread_id = 0
local counter = 0
statuses = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

-- 198.18.0.0/15 is set aside for benchmarks (RFC 2544): 131,072 client addresses, written only into a header.
local function client_address()
  local n = (thread_id * 40503 + counter) % 131072
  return string.format("198.%d.%d.%d", 18 + math.floor(n / 65536), math.floor(n / 256) % 256, n % 256)
end

function request()
  counter = counter + 1
  local person = string.format("%s-%d-%d", tag, thread_id, counter)
  local headers = {["Content-Type"] = "application/json"}
  if many_clients then
    headers["X-Forwarded-For"] = client_address()
  end
  if kind == "order" then
    local body = string.format(
      '{"buyer":{"email":"buyer-%s@example.org","name":"Buyer %s"},' ..
      '"tickets":[{"type":"%s","attendee":{"name":"Buyer %s","email":"buyer-%s@example.org"}}],"consent":true}',
      person, person, ticket_type, person, person)
    return wrk.format("POST", "/api/events/" .. event .. "/orders", headers, body)
  end
  local body = string.format('{"email":"signup-%s@example.org","name":"Reader %s","consent":true,"source":"bench"}',
    person, person)
  return wrk.format("POST", "/api/newsletter/subscriptions", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(by_status) do
    table.insert(parts, string.format("s%d=%d", status, n))
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d %s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors,
    table.concat(parts, " ")))
end
