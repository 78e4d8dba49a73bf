-- The mixed load (bench/mixed/): each request's path drawn from a Zipf distribution over
-- the lines of a file (rank 1 the first line), and wrk's summary printed as one JSON line
-- as bench/pages/summary.lua prints it, with what the answers said: how many came from
-- the page cache (X-From-Cache), the SQL queries they ran (X-Queries), any non-200.
-- wrk … -s mixed.lua URL -- PATHS_FILE EXPONENT SEED
local threads = {}
local next_id = 0

setup = function(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
  table.insert(threads, thread)
end

local paths, cdf = {}, {}
answers, from_cache, queries, not_ok, uncounted = 0, 0, 0, 0, 0

init = function(args)
  local exponent, seed = tonumber(args[2] or "1"), tonumber(args[3] or "23")
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  local total = 0
  for rank = 1, #paths do
    total = total + rank ^ -exponent
    cdf[rank] = total
  end
  for rank = 1, #paths do cdf[rank] = cdf[rank] / total end
  cdf[#paths] = 1
  -- Each thread its own stream, the same at every run.
  math.randomseed(seed * 1000 + (thread_id or 0))
end

local function rank_of(u)
  local low, high = 1, #cdf
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cdf[middle] > u then high = middle else low = middle + 1 end
  end
  return low
end

request = function()
  return wrk.format("GET", paths[rank_of(math.random())])
end

response = function(status, headers, body)
  answers = answers + 1
  if status ~= 200 then not_ok = not_ok + 1 end
  if headers["X-From-Cache"] == "1" then from_cache = from_cache + 1 end
  local count = tonumber(headers["X-Queries"])
  if count then queries = queries + count else uncounted = uncounted + 1 end
end

done = function(summary, latency, requests)
  local tally = {answers = 0, from_cache = 0, queries = 0, not_ok = 0, uncounted = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(tally) do tally[name] = tally[name] + thread:get(name) end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH-SUMMARY {"duration_us": %d, "requests": %d, "bytes": %d, ' ..
    '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"answers": {"counted": %d, "from_cache": %d, "queries": %d, "not_ok": %d, ' ..
    '"without_queries": %d}}\n',
    summary.duration, summary.requests, summary.bytes,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    tally.answers, tally.from_cache, tally.queries, tally.not_ok, tally.uncounted))
end
