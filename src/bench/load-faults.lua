-- wrk script for bench/load-faults.sh: cycles through the paths in $LAB_PATHS (one per line),
-- counts responses by status, and prints the counts of all threads together at the end.
local paths = {}
for line in io.lines(os.getenv("LAB_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors(connect=%d read=%d write=%d timeout=%d) non2xx=%d "
      .. "p50=%.0fms p99=%.0fms max=%.0fms rps=%.1f\n",
      summary.requests, e.connect, e.read, e.write, e.timeout, e.status,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.requests / (summary.duration / 1e6)))
  for status, count in pairs(total) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
end
