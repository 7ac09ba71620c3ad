using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;
using TapBot.SimulatedTenant;

/// <summary>
/// Per-flow latency (<c>--flows N</c>): the flows of the performance issue with reveal on demand (the default delivery),
/// each timed from the activity's POST to
/// its answer (a message's turn sends its reply before the POST returns; a click's answer is the invoke response), with
/// the Graph round trips each cost (counted at the emulator). Run with <c>--graph-latency-ms 100</c> for the issue's
/// "realistic round trip". Prints one TSV line per flow: flow, round trips, p50 ms, p95 ms, runs, errors.
/// </summary>
internal static class Flows
{
    public static async Task RunAsync(WebApplication app, string botUrl, string connectorUrl, int runs)
    {
        var tenant = app.Services.GetRequiredService<SimulatedTenantServer>();
        var flows = new FlowDriver(app, tenant, botUrl, connectorUrl);
        await flows.SayAsync("adele", "hi"); // personal chats known, as for a real user
        await flows.SayAsync("lynne", "hi");

        var measured = new Dictionary<string, (List<double> Ms, long Trips, int Errors)>
        {
            ["issue TAP for <UPN> → form"] = ([], 0, 0), ["Issue pass click → entitlement ready"] = ([], 0, 0),
            ["Show code click → code"] = ([], 0, 0), ["approve click → entitlement ready"] = ([], 0, 0),
        };
        const int warmUpRuns = 3;
        for (var i = 0; i < warmUpRuns + runs; i++)
        {
            // A message's reply goes to the connector stand-in: its answer is the turn's 200.
            await Time("issue TAP for <UPN> → form", () => flows.SayAsync("megan", "issue TAP for adele@contoso.com"), "200 ");
            await Time("Issue pass click → entitlement ready", () => flows.ClickAsync("megan", "issuePass", CardFlow.Issue, new JsonObject
            {
                ["personId"] = flows.Id("adele"), ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = "INC-4711",
            }), "Temporary Access Pass approved for");
            var ready = await flows.ReadyEntitlementIdAsync("adele");
            await Time("Show code click → code", () => flows.ClickAsync("adele", "showCode", null, new JsonObject { ["entitlementId"] = ready }),
                "Your Temporary Access Pass");

            await flows.SayAsync("lynne", "I lost my phone");
            await flows.ClickAsync("lynne", "requestPass", CardFlow.Request, new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone" });
            var pending = await flows.PendingRequestIdAsync("lynne");
            await Time("approve click → entitlement ready", () => flows.ClickAsync("patti", "approveRequest", null, new JsonObject { ["requestId"] = pending }),
                "Approved by");
            // Lynne shows hers too (not timed), so each round starts with nobody holding an unshown pass.
            await flows.ClickAsync("lynne", "showCode", null, new JsonObject { ["entitlementId"] = await flows.ReadyEntitlementIdAsync("lynne") });

            async Task Time(string flow, Func<Task<string>> turn, string expected)
            {
                var trips = tenant.GraphRequests;
                var started = Stopwatch.GetTimestamp();
                var answer = await turn();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i < warmUpRuns) return;
                var (list, _, errors) = measured[flow];
                if (!answer.Contains(expected) && errors == 0) Console.Error.WriteLine($"{flow}: unexpected answer {answer[..Math.Min(answer.Length, 600)]}");
                list.Add(ms);
                measured[flow] = (list, tenant.GraphRequests - trips, errors + (answer.Contains(expected) ? 0 : 1));
            }
        }

        Console.WriteLine("flow\tgraph_round_trips\tp50_ms\tp95_ms\truns\terrors");
        foreach (var (flow, (ms, trips, errors)) in measured)
        {
            ms.Sort();
            Console.WriteLine($"{flow}\t{trips}\t{Rank(ms, 0.50):F0}\t{Rank(ms, 0.95):F0}\t{ms.Count}\t{errors}");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Rank(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Posts Teams activities from seed users, as the integration tests' host does.</summary>
    private sealed class FlowDriver(WebApplication app, SimulatedTenantServer tenant, string botUrl, string connectorUrl)
    {
        private readonly HttpClient _http = new() { BaseAddress = new Uri(botUrl) };

        public string Id(string upnPrefix) => tenant.State.Users.Single(u => u.UserPrincipalName.StartsWith(upnPrefix + "@", StringComparison.OrdinalIgnoreCase)).Id;

        public async Task<string> SayAsync(string from, string text) => await PostAsync(Activity("message", from, a => a["text"] = text));

        /// <param name="flow">The flow of the card clicked, remembered as sent first (the harness writes the form's data itself).</param>
        public async Task<string> ClickAsync(string from, string verb, CardFlow? flow, JsonObject data)
        {
            var messageId = "card-" + Guid.NewGuid().ToString("N");
            if (flow is { } f)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISentCards>().RememberAsync(new SentCard("a:personal-" + Id(from), messageId, f, DateTimeOffset.UtcNow), default);
            }

            return await PostAsync(Activity("invoke", from, a =>
            {
                a["name"] = "adaptiveCard/action";
                a["replyToId"] = messageId;
                a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
            }));
        }

        public async Task<string> PendingRequestIdAsync(string upnPrefix)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var request = await scope.ServiceProvider.GetRequiredService<IRequestStore>().PendingForTargetAsync(tenant.State.TenantId, Id(upnPrefix), default);
            return request?.Id.ToString() ?? "";
        }

        /// <summary>The person's approved, not yet shown pass (what their Show code button carries).</summary>
        public async Task<string> ReadyEntitlementIdAsync(string upnPrefix)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var ready = await scope.ServiceProvider.GetRequiredService<IEntitlementStore>().ReadyForTargetAsync(tenant.State.TenantId, Id(upnPrefix), default);
            return ready.Count == 0 ? "" : ready[0].Id.ToString();
        }

        private async Task<string> PostAsync(JsonObject activity)
        {
            using var response = await _http.PostAsJsonAsync("api/messages", activity);
            // A message's reply went to the connector stand-in; an invoke's answer is the body. Both say the turn ended.
            return (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync();
        }

        private JsonObject Activity(string type, string from, Action<JsonObject> shape)
        {
            var id = Id(from);
            var activity = new JsonObject
            {
                ["type"] = type, ["id"] = Guid.NewGuid().ToString(), ["channelId"] = "msteams", ["serviceUrl"] = connectorUrl,
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
                ["from"] = new JsonObject { ["id"] = "29:" + id, ["name"] = from, ["aadObjectId"] = id },
                ["recipient"] = new JsonObject { ["id"] = "28:tapbot", ["name"] = "TapBot" },
                ["conversation"] = new JsonObject { ["id"] = "a:personal-" + id, ["conversationType"] = "personal", ["tenantId"] = tenant.State.TenantId },
                ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant.State.TenantId } },
            };
            shape(activity);
            return activity;
        }
    }
}
