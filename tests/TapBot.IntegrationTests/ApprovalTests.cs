using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Hosting;

namespace TapBot.IntegrationTests;

/// <summary>
/// Recovery requests and approvals through the real host, Graph SDK and emulator. Lynne's manager is Patti (an
/// approver through her Authentication Administrator role), Adele's is Megan (an approver), Miriam (a privileged person)
/// reports to Isaiah (a privileged approver); Pradeep is an approver, Alex a helpdesk operator. Time is a fake clock.
/// </summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotUnderTest.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    /// <summary>The person asks for recovery help and sends the form; returns the stored request.</summary>
    private async Task<AccessRequest> RequestAsync(string upnPrefix, string recipient = "person")
    {
        var form = (await _bot.SayAsync(upnPrefix, "I lost my phone")).SingleCard();
        Assert.Equal("requestPass", form["actions"]![0]!["verb"]!.GetValue<string>());
        var response = await _bot.ClickAsync(upnPrefix, "requestPass",
            new JsonObject { ["v"] = "1", ["recipient"] = recipient, ["reason"] = "Lost my phone on the train" }, cardMessageId: "form-" + upnPrefix);
        Assert.Contains("Waiting for", Text(response["value"]));
        return (await _bot.PendingRequestAsync(upnPrefix))!;
    }

    private async Task<AccessRequest> ReloadAsync(Guid id)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IRequestStore>().GetAsync(id, default))!;
    }

    private Task<JsonObject> DecideAsync(string who, AccessRequest request, bool approve = true, string? reason = null, string? card = null)
    {
        var data = new JsonObject { ["requestId"] = request.Id.ToString() };
        if (reason is not null) data["denyReason"] = reason;
        return _bot.ClickAsync(who, approve ? "approveRequest" : "denyRequest", data, cardMessageId: card);
    }

    private int CodesDeliveredTo(string upnPrefix) => _bot.Connector.Calls.Count(c =>
        c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains(_bot.PersonalConversation(upnPrefix)) && Text(c.Body).Contains("Your Temporary Access Pass"));

    /// <summary>Card rewrites (PUT) whose text contains <paramref name="text"/>, by conversation.</summary>
    private List<string> UpdatedConversations(string text) => _bot.Connector.Calls
        .Where(c => c.Method == "PUT" && Text(c.Body).Contains(text))
        .Select(c => Uri.UnescapeDataString(c.Path).Split('/')[3]).ToList();

    [Fact]
    public async Task Manager_ApprovesARecoveryRequest_TheCodeGoesToTheEmployee_AndEveryCopySaysSo()
    {
        await _bot.SayAsync("lynne", "hi");
        _bot.Connector.InstalledFor[_bot.User("patti").Id] = true; // Patti never wrote to TapBot: it opens a chat with her

        var form = (await _bot.SayAsync("lynne", "I lost my phone")).SingleCard();
        Assert.Contains("Patti Fernandez (your manager)", Text(form));
        var request = await RequestAsync("lynne");

        var toPatti = _bot.Connector.Calls.Single(c => c.Method == "POST" && Text(c.Body).Contains("Lynne Robbins asks for a Temporary Access Pass"));
        var pattiConversation = Uri.UnescapeDataString(toPatti.Path).Split('/')[3];
        Assert.Contains(toPatti.Body!["attachments"]![0]!["content"]!["actions"]!.AsArray(), a => a!["verb"]!.GetValue<string>() == "approveRequest");

        var response = await DecideAsync("patti", request);

        Assert.Contains("Approved by Patti Fernandez", Text(response["value"]));
        Assert.Contains("delivered to Lynne Robbins", Text(response["value"]));
        Assert.Equal(1, CodesDeliveredTo("lynne"));
        Assert.NotNull(_bot.Tenant.State.GetPass(_bot.User("lynne")));
        Assert.Equal(RequestStatus.Delivered, (await ReloadAsync(request.Id)).Status);
        // Patti's copy and Lynne's own card (the form she sent) both show the decision.
        var updated = UpdatedConversations("Approved by Patti Fernandez");
        Assert.Contains(pattiConversation, updated);
        Assert.Contains(_bot.PersonalConversation("lynne"), updated);
    }

    [Fact]
    public async Task Approver_DecidesInTheApproversChannel_LaterClicksSeeAlreadyDecided()
    {
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("adele", "hi");
        await _bot.SayAsync("megan", "hi");
        var request = await RequestAsync("adele");
        var channelCard = _bot.Connector.Calls.Single(c => c.Method == "POST" && c.Path.Contains("19:approvals") && Text(c.Body).Contains("asks for"));
        var content = channelCard.Body!["attachments"]![0]!["content"]!;
        Assert.Null(content["actions"]); // the channel's base card shows the status; buttons come with each approver's refresh
        Assert.Equal("refreshRequest", content["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Contains("29:" + _bot.User("megan").Id, content["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>())); // her manager

        var pradeepView = await _bot.ClickAsync("pradeep", "refreshRequest", new JsonObject { ["requestId"] = request.Id.ToString() }, trigger: "automatic");
        Assert.Contains(pradeepView["value"]!["actions"]!.AsArray(), a => a!["verb"]!.GetValue<string>() == "approveRequest");
        var leeView = await _bot.ClickAsync("lee", "refreshRequest", new JsonObject { ["requestId"] = request.Id.ToString() }, trigger: "automatic");
        Assert.Null(leeView["value"]!["actions"]);
        Assert.Equal(RequestStatus.Pending, (await ReloadAsync(request.Id)).Status); // refreshes never change anything

        var response = await DecideAsync("pradeep", request);
        Assert.Contains("Approved by Pradeep Gupta", Text(response["value"]));
        Assert.Equal(1, CodesDeliveredTo("adele"));
        var updated = UpdatedConversations("Approved by Pradeep Gupta");
        Assert.Contains("19:approvals@thread.skype", updated);
        Assert.Contains(_bot.PersonalConversation("megan"), updated);
        Assert.Contains(_bot.PersonalConversation("adele"), updated);

        var late = await DecideAsync("megan", request);
        Assert.Contains("already decided", Text(late["value"]));
        Assert.Equal(1, CodesDeliveredTo("adele"));
    }

    [Fact]
    public async Task Deny_NeedsAReason_ThenEveryCopySaysWhy_AndNoPassExists()
    {
        await _bot.SayAsync("lynne", "hi");
        await _bot.SayAsync("patti", "hi");
        var before = _bot.PassId("lynne"); // Lynne holds an older pass in the seed
        var request = await RequestAsync("lynne");

        var noReason = await DecideAsync("patti", request, approve: false);
        Assert.Contains("Give a reason for the denial", Text(noReason["value"]));
        Assert.Equal(RequestStatus.Pending, (await ReloadAsync(request.Id)).Status);

        var denied = await DecideAsync("patti", request, approve: false, reason: "Call the service desk from your desk phone");
        Assert.Contains("Denied by Patti Fernandez", Text(denied["value"]));
        Assert.Contains("Call the service desk", Text(denied["value"]));
        Assert.Equal(before, _bot.PassId("lynne"));
        Assert.Contains(_bot.PersonalConversation("lynne"), UpdatedConversations("Denied by Patti Fernandez"));
        Assert.Equal(0, CodesDeliveredTo("lynne"));
    }

    [Theory]
    [InlineData("adele", "adele", "someone else must decide it")]          // nobody approves a request for themselves
    [InlineData("lynne", "lee", "Only TAP approvers or Lynne Robbins's manager")] // not an approver, not the manager
    [InlineData("miriam", "megan", "only a privileged approver")]            // a privileged person needs a privileged approver
    public async Task Decision_BySomeoneWhoMayNot_IsRefused_AndChangesNothing(string requester, string clicker, string expected)
    {
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync(requester, "hi");
        var before = _bot.PassId(requester);
        var request = await RequestAsync(requester);

        var response = await DecideAsync(clicker, request);

        Assert.Contains(expected, Text(response["value"]));
        Assert.Equal(RequestStatus.Pending, (await ReloadAsync(request.Id)).Status);
        Assert.Equal(before, _bot.PassId(requester));
    }

    [Fact]
    public async Task PrivilegedTarget_IsApprovedByAPrivilegedApprover()
    {
        await _bot.SayAsync("miriam", "hi");
        await _bot.SayAsync("isaiah", "hi");
        var request = await RequestAsync("miriam");

        var response = await DecideAsync("isaiah", request);

        Assert.Contains("Approved by Isaiah Langer", Text(response["value"]));
        Assert.Equal(1, CodesDeliveredTo("miriam"));
    }

    [Fact]
    public async Task Helpdesk_AsksOnSomeonesBehalf_AndCannotApproveTheirOwnRequest()
    {
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("lynne", "hi");
        var form = (await _bot.SayAsync("alex", "issue TAP for lynne@contoso.com")).SingleCard();
        Assert.Contains("Ask for a Temporary Access Pass for Lynne Robbins", Text(form));
        Assert.Equal(_bot.User("lynne").Id, form["actions"]![0]!["data"]!["personId"]!.GetValue<string>());

        var sent = await _bot.ClickAsync("alex", "requestPass", new JsonObject
        {
            ["v"] = "1", ["personId"] = _bot.User("lynne").Id, ["recipient"] = "person", ["reason"] = "INC-2001 verified by phone",
        });
        Assert.Contains("Waiting for", Text(sent["value"]));
        var request = (await _bot.PendingRequestAsync("lynne"))!;
        Assert.Equal(RequestKind.OnBehalf, request.Kind);

        var own = await DecideAsync("alex", request);
        Assert.Contains("You made this request", Text(own["value"]));

        var approved = await DecideAsync("megan", request);
        Assert.Contains("Approved by Megan Bowen", Text(approved["value"]));
        Assert.Equal(1, CodesDeliveredTo("lynne"));
    }

    [Fact]
    public async Task Employee_CannotAskOnSomeoneElsesBehalf_NorForgeAPersonId()
    {
        var forged = await _bot.ClickAsync("lee", "requestPass", new JsonObject
        {
            ["v"] = "1", ["personId"] = _bot.User("adele").Id, ["recipient"] = "person", ["reason"] = "let me in",
        });

        Assert.Contains("Only helpdesk operators can ask for a pass for someone else", Text(forged["value"]));
        Assert.Null(await _bot.PendingRequestAsync("adele"));
    }

    [Fact]
    public async Task Request_WithNobodyToAsk_IsRefusedUpFront()
    {
        // Nestor has no manager, and no approvers' channel is set.
        var replies = await _bot.SayAsync("nestor", "I lost my phone");

        Assert.Contains("There is nobody TapBot can ask to approve your request", replies.AllText);
    }

    [Fact]
    public async Task UndecidedRequest_IsRemindedOnce_ThenExpires_AndLateClicksChangeNothing()
    {
        await _bot.SayAsync("lynne", "hi");
        await _bot.SayAsync("patti", "hi");
        var before = _bot.PassId("lynne");
        var request = await RequestAsync("lynne");
        var job = _bot.App.Services.GetRequiredService<ApprovalJob>();

        int Reminders() => _bot.Connector.Calls.Count(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains(_bot.PersonalConversation("patti")) && Text(c.Body).Contains("Reminder"));

        // The job's own timer also ticks when the clock moves; running it by hand as well must not remind twice.
        _clock.Advance(TimeSpan.FromMinutes(31));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);
        await Eventually(() => Task.FromResult(Reminders() >= 1));
        await Task.Delay(300);
        Assert.Equal(1, Reminders());
        Assert.Equal(RequestStatus.Pending, (await ReloadAsync(request.Id)).Status);

        _clock.Advance(TimeSpan.FromMinutes(30));
        await job.RunOnceAsync(default);
        await Eventually(async () => (await ReloadAsync(request.Id)).Status == RequestStatus.Expired);
        await Eventually(() => Task.FromResult(UpdatedConversations("Expired: nobody decided").Count >= 2));
        var expired = UpdatedConversations("Expired: nobody decided");
        Assert.Contains(_bot.PersonalConversation("lynne"), expired);
        Assert.Contains(_bot.PersonalConversation("patti"), expired);

        var late = await DecideAsync("patti", request);
        Assert.Contains("Expired", Text(late["value"]));
        Assert.Equal(before, _bot.PassId("lynne"));
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User("lynne").Id, 50, default);
        Assert.Contains(events, e => e.Kind == AuditKinds.RequestReminded);
        Assert.Contains(events, e => e.Kind == AuditKinds.RequestExpired);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(50);
        Assert.True(await condition(), "The condition did not become true within 5 seconds.");
    }

    [Fact]
    public async Task TwentyConcurrentApprovals_GiveOneDecision_OnePass_OneDelivery()
    {
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("adele", "hi");
        var request = await RequestAsync("adele");

        // Teams retries, double clicks and two approvers at once, on the same card and on different copies.
        var clicks = Enumerable.Range(0, 20).Select(i => DecideAsync(i % 2 == 0 ? "pradeep" : "megan", request, card: i % 3 == 0 ? "channel-card" : null));
        var responses = await Task.WhenAll(clicks);

        Assert.All(responses, r => Assert.Contains("Approved by", Text(r["value"])));
        Assert.Equal(1, CodesDeliveredTo("adele"));
        Assert.Equal(RequestStatus.Delivered, (await ReloadAsync(request.Id)).Status);
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User("adele").Id, 200, default);
        Assert.Single(events, e => e.Kind == AuditKinds.RequestApproved);
        Assert.Single(events, e => e.Kind == AuditKinds.Issued);
    }
}
