-- wrk script: POST the 1,000-word article to /api/v1/summaries and print p50/p95/p99 and throughput.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PRECIS_BENCH_KEY")
local f = assert(io.open(os.getenv("PRECIS_BENCH_BODY"), "r"))
wrk.body = f:read("*a")
f:close()

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d non2xx=%d socket_errors=%d timeouts=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, e.status, e.connect + e.read + e.write, e.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
