-- One Teams message activity ("help") per request, posted to /api/messages. The serviceUrl points at the bench's
-- connector stand-in; the tenant and user are the simulated Contoso tenant's (Megan Bowen).
local connector = os.getenv("CONNECTOR_URL") or "http://127.0.0.1:3990/"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"type":"message","id":"1","channelId":"msteams","serviceUrl":"]] .. connector .. [[",
"from":{"id":"29:97f43e13-b1a9-58e8-ad6c-59a4f9d1c8f9","name":"Megan Bowen","aadObjectId":"97f43e13-b1a9-58e8-ad6c-59a4f9d1c8f9"},
"recipient":{"id":"28:tapbot","name":"TapBot"},
"conversation":{"id":"a:bench","conversationType":"personal","tenantId":"6e1f2a4b-3c5d-4e7f-8a9b-0c1d2e3f4a5b"},
"channelData":{"tenant":{"id":"6e1f2a4b-3c5d-4e7f-8a9b-0c1d2e3f4a5b"}},"text":"help"}]]

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
