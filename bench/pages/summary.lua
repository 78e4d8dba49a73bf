-- wrk's summary of one run as one JSON line (read by bench/pages/wrk.py): exact latency
-- percentiles from wrk's own histogram, in microseconds, and every kind of error.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH-SUMMARY {"duration_us": %d, "requests": %d, "bytes": %d, ' ..
    '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.duration, summary.requests, summary.bytes,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
