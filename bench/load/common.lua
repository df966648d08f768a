-- Shared by the load scripts (bench/load.sh): each wrk thread gets its own slice
-- of the people, and done() prints one machine-readable row.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function people_slice()
  local first = tonumber(os.getenv("LOAD_FIRST_ID"))
  local last = tonumber(os.getenv("LOAD_LAST_ID"))
  local count = tonumber(os.getenv("LOAD_THREADS") or "2")
  local size = math.floor((last - first + 1) / count)
  local start = first + thread_index * size
  return start, size
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status +
                 summary.errors.timeout
  io.write(string.format("ROW,%d,%.0f,%.2f,%.2f,%.2f,%d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors))
end
