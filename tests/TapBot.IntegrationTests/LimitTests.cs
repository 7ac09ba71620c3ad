using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>
/// Each abuse limit through the real host, Graph SDK and emulator, set low: the refusal names the limit and when it
/// resets, is audited, and raises one alert in the security-alerts channel. Megan and Isaiah are approvers, Alex a
/// helpdesk operator, Lee, Lynne and Adele not approvers (Lynne's manager Patti approves).
/// </summary>
public sealed class LimitTests : IAsyncDisposable
{
    private const string SecurityChannel = "19:security@thread.skype";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 41, 0, TimeSpan.Zero));
    private BotUnderTest _bot = null!;

    private async Task StartAsync(string limit, string value)
    {
        _bot = await BotUnderTest.StartAsync(new() { ["Limits:" + limit] = value }, b => b.Services.AddSingleton<TimeProvider>(_clock));
        var activity = _bot.Message("megan", "<at>TapBot</at> use this channel for TAP security alerts");
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["id"] = SecurityChannel;
        Assert.Equal(200, (int)(await _bot.PostAsync(activity)).StatusCode);
    }

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(JsonNode? node) => IssueForms.Text(node);

    private List<string> Alerts() => _bot.Connector.Calls
        .Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains(SecurityChannel) && Text(c.Body).Contains("TAP security alert"))
        .Select(c => Text(c.Body)).ToList();

    private async Task<IReadOnlyList<AuditEvent>> AuditOfAsync(string upnPrefix)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User(upnPrefix).Id, 50, default);
    }

    private Task<JsonObject> IssueAsync(string approver, string upnPrefix) => _bot.ClickAsync(approver, "issuePass", IssueForms.Choice(_bot, upnPrefix));

    private Task<JsonObject> RequestForAsync(string who, string upnPrefix) => _bot.ClickAsync(who, "requestPass", new JsonObject
    {
        ["v"] = "1", ["personId"] = _bot.User(upnPrefix).Id, ["recipient"] = "person", ["reason"] = "INC-2001 verified by phone",
    });

    [Fact]
    public async Task PassesPerPersonPerDay_AnotherApproversPassIsRefused_UntilMidnightUtc()
    {
        await StartAsync("PassesPerPersonPerDay", "1");
        await _bot.SayAsync("adele", "hi");
        Assert.Contains("Temporary Access Pass issued for Adele Vance", Text((await IssueAsync("megan", "adele"))["value"]));
        var first = _bot.PassId("adele");

        var refused = Text((await IssueAsync("isaiah", "adele"))["value"]);

        Assert.Contains("Adele Vance already got the most passes TapBot grants one person in a day (limit: 1 a day)", refused);
        Assert.DoesNotContain("1 passes", refused);
        Assert.Contains("resets at {{DATE(2026-12-03T00:00:00Z, SHORT)}} {{TIME(2026-12-03T00:00:00Z)}}", refused);
        Assert.Equal(first, _bot.PassId("adele"));
        Assert.Contains(await AuditOfAsync("isaiah"), e => e.Kind == AuditKinds.LimitReached && e.Details["limit"] == "PassesPerPerson");
        var alert = Assert.Single(Alerts());
        Assert.Contains("Isaiah Langer", alert);
        Assert.Contains("(for Adele Vance)", alert);
    }

    [Fact]
    public async Task IssuancesPerApproverPerHour_TheApproversNextPassIsRefused_UntilTheNextHour()
    {
        await StartAsync("IssuancesPerApproverPerHour", "1");
        await _bot.SayAsync("adele", "hi");
        await _bot.SayAsync("lynne", "hi");
        Assert.Contains("issued for Adele Vance", Text((await IssueAsync("megan", "adele"))["value"]));
        var lynnesPass = _bot.PassId("lynne");

        var refused = Text((await IssueAsync("megan", "lynne"))["value"]);

        Assert.Contains("You've granted the most passes one approver may grant in an hour (limit: 1 an hour)", refused);
        Assert.Contains("{{TIME(2026-12-02T10:00:00Z)}}", refused);
        Assert.Equal(lynnesPass, _bot.PassId("lynne"));
        Assert.Contains("Megan Bowen", Assert.Single(Alerts()));
        // Another approver may still issue it.
        Assert.Contains("issued for Lynne Robbins", Text((await IssueAsync("isaiah", "lynne"))["value"]));
    }

    [Fact]
    public async Task RequestsPerPersonPerDay_TheSecondRequestOfTheDayIsRefused()
    {
        await StartAsync("RequestsPerPersonPerDay", "1");
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("lynne", "hi");
        Assert.Contains("Waiting for", Text((await RequestForAsync("lynne", "lynne"))["value"]));
        var request = (await _bot.PendingRequestAsync("lynne"))!;
        await _bot.ClickAsync("megan", "denyRequest", new JsonObject { ["requestId"] = request.Id.ToString(), ["denyReason"] = "Call the helpdesk" });

        var refused = Text((await RequestForAsync("lynne", "lynne"))["value"]);

        Assert.Contains("You've already asked as often as allowed in a day (limit: 1 a day)", refused);
        Assert.Contains("{{DATE(2026-12-03T00:00:00Z, SHORT)}}", refused);
        Assert.Null(await _bot.PendingRequestAsync("lynne"));
        Assert.Contains("Lynne Robbins", Assert.Single(Alerts()));
    }

    [Fact]
    public async Task OpenRequestsPerOperator_TheOperatorsNextRequestIsRefused_UntilOneIsDecided()
    {
        await StartAsync("OpenRequestsPerOperator", "1");
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("lynne", "hi");
        await _bot.SayAsync("adele", "hi");
        Assert.Contains("Waiting for", Text((await RequestForAsync("alex", "lynne"))["value"]));

        var refused = Text((await RequestForAsync("alex", "adele"))["value"]);

        Assert.Contains("You already have the most requests one helpdesk operator may have waiting for a decision (limit: 1)", refused);
        Assert.Contains("when one of them is decided or expires", refused);
        Assert.Null(await _bot.PendingRequestAsync("adele"));

        var request = (await _bot.PendingRequestAsync("lynne"))!;
        await _bot.ClickAsync("megan", "denyRequest", new JsonObject { ["requestId"] = request.Id.ToString(), ["denyReason"] = "Not verified" });
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Contains("Waiting for", Text((await RequestForAsync("alex", "adele"))["value"]));
    }

    [Fact]
    public async Task RefusedCommands_PastTheLimit_OneAnswer_ThenSilenceWithoutGraphCalls_UntilTheWindowEnds()
    {
        await StartAsync("RefusalsPerPersonPer10Minutes", "2");
        for (var i = 0; i < 2; i++) Assert.Contains("Only TAP approvers", (await _bot.SayAsync("lynne", "revoke TAP for adele")).AllText);

        var graphBefore = _bot.Tenant.GraphRequests;
        var paused = await _bot.SayAsync("lynne", "revoke TAP for adele");
        Assert.Contains("You've reached the limit of refused commands in 10 minutes (2)", paused.AllText);
        Assert.Contains("{{TIME(2026-12-02T09:50:00Z)}}", paused.AllText);
        Assert.Contains("Lynne Robbins", Assert.Single(Alerts()));

        var silent = await _bot.SayAsync("lynne", "TAP status for adele");
        var click = await _bot.ClickAsync("lynne", "showStatus", new JsonObject { ["personId"] = _bot.User("adele").Id });

        Assert.Empty(silent.Activities);
        Assert.Equal("TapBot is paused for you for a few minutes.", click["value"]!.GetValue<string>());
        Assert.Equal(graphBefore, _bot.Tenant.GraphRequests);
        Assert.Single(await AuditOfAsync("lynne"), e => e.Kind == AuditKinds.LimitReached);
        Assert.Contains("TAP status", (await _bot.SayAsync("adele", "my TAP status")).AllText); // others are served

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 50, 0, TimeSpan.Zero));
        Assert.Contains("TAP status", (await _bot.SayAsync("lynne", "my TAP status")).AllText);
    }

    [Fact]
    public async Task SecurityAlertChannel_OnlyApprovers_InAChannel()
    {
        await StartAsync("PassesPerPersonPerDay", "3");
        var notApprover = _bot.Message("lynne", "<at>TapBot</at> use this channel for TAP security alerts");
        notApprover["conversation"]!["conversationType"] = "channel";
        notApprover["conversation"]!["id"] = "19:elsewhere@thread.skype";
        await _bot.PostAsync(notApprover);
        Assert.Contains(_bot.Connector.Calls, c => Text(c.Body).Contains("Only TAP approvers can choose the security alerts channel"));
        var personal = await _bot.SayAsync("megan", "use this channel for TAP security alerts");

        Assert.Contains("Type this in the Teams channel", personal.AllText);
        Assert.Contains(await AuditOfAsync("megan"), e => e.Kind == AuditKinds.SecurityAlertChannelSet);
    }
}
