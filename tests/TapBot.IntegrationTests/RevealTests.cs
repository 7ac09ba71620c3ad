using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TapBot.Domain.Audit;
using TapBot.Domain.Entitlements;
using TapBot.Domain.Ports;
using static TapBot.IntegrationTests.Reveals;

namespace TapBot.IntegrationTests;

/// <summary>
/// Reveal on demand (the default delivery) through the real host: an approval posts a card without a code; Show code,
/// pressed by the recipient alone, creates the pass and answers with its code once; the stored message never holds it.
/// Megan is an approver and Adele's manager; Alex is an ordinary employee.
/// </summary>
public sealed class RevealTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        var settings = BotUnderTest.EverythingAtTrace();
        settings["Issuance:Delivery"] = "RevealOnDemand";
        _bot = await BotUnderTest.StartAsync(settings, b => b.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonObject> IssueAsync(string upnPrefix)
    {
        await _bot.SayAsync(upnPrefix, "hi");
        return await _bot.ClickAsync("megan", "issuePass", IssueForms.Choice(_bot, upnPrefix));
    }

    [Fact]
    public async Task Issue_PostsACardWithoutACode_AndCreatesNoPassYet()
    {
        var receipt = Text((await IssueAsync("adele"))["value"]);

        Assert.Contains("Approved, not yet shown", receipt);
        var card = Assert.Single(CardsPostedTo(_bot, "adele"));
        Assert.Null(BotReplies.FindPasscode(card.Body));
        Assert.Contains("Show code when you are ready to sign in", Text(card.Body));
        Assert.Null(_bot.PassId("adele"));
        Assert.Equal(EntitlementState.Ready, (await StoredAsync(_bot, EntitlementId(card))).State);
    }

    [Fact]
    public async Task ShowCode_ByTheRecipient_CreatesThePassNow_AndAnswersTheCodeOnce()
    {
        await IssueAsync("adele");
        var id = SingleEntitlement(_bot, "adele");
        _bot.Connector.Clear();

        var shown = await ShowCodeAsync(_bot, "adele", id);

        var code = BotReplies.FindPasscode(shown["value"]);
        Assert.NotNull(code);
        var stored = await StoredAsync(_bot, id);
        Assert.Equal(EntitlementState.Shown, stored.State);
        Assert.Equal(_bot.PassId("adele"), stored.PassId);
        // The code went only in the invoke response: nothing was posted or rewritten (the stored card, without a code,
        // is rewritten once the pass is no longer valid: RevealTimingTests).
        Assert.DoesNotContain(_bot.Connector.Calls, c => c.Method == "POST" && Text(c.Body).Contains(code!));
        Assert.Empty(RewritesIn(_bot, "adele"));

        var again = await ShowCodeAsync(_bot, "adele", id);
        Assert.Null(BotReplies.FindPasscode(again["value"]));
        Assert.Contains("already shown", Text(again["value"]));
        Assert.Contains("request a TAP", Text(again["value"]));
        Assert.Equal(stored.PassId, _bot.PassId("adele")); // the second press created nothing

        var audit = Text((await _bot.SayAsync("megan", "audit for adele@contoso.com")).SingleCard());
        Assert.Contains("pass approved, code not yet shown", audit);
        Assert.Contains("code shown to its recipient", audit);
        Assert.DoesNotContain(code!, audit);
    }

    [Theory]
    [InlineData("megan")] // the approver who granted it
    [InlineData("alex")]  // anyone else who learns the id
    public async Task ShowCode_BySomeoneElse_IsRefused_AndCreatesNothing(string clicker)
    {
        await IssueAsync("adele");
        var id = SingleEntitlement(_bot, "adele");

        var refused = await ShowCodeAsync(_bot, clicker, id);

        Assert.Null(BotReplies.FindPasscode(refused["value"]));
        Assert.Contains("Only the person this pass was sent to", Text(refused["value"]));
        Assert.Null(_bot.PassId("adele"));
        Assert.Equal(EntitlementState.Ready, (await StoredAsync(_bot, id)).State);
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User("adele").Id, 20, default);
        Assert.Contains(audit, e => e.Kind == AuditKinds.RevealRefused && e.ActorId == _bot.User(clicker).Id);
    }

    [Fact]
    public async Task ARuleThatChangedSinceTheApproval_RefusesTheReveal()
    {
        await IssueAsync("adele");
        var id = SingleEntitlement(_bot, "adele");
        var policy = _bot.Tenant.State.Policy;
        policy.State = "disabled"; // an admin turned the TAP policy off meanwhile
        _bot.Tenant.State.ReplacePolicy(policy);

        var refused = await ShowCodeAsync(_bot, "adele", id);

        Assert.Contains("policy is off", Text(refused["value"]));
        Assert.Null(_bot.PassId("adele"));
        Assert.Equal(EntitlementState.Ready, (await StoredAsync(_bot, id)).State);
    }

    [Fact]
    public async Task RevokeBeforeTheReveal_CancelsTheEntitlement()
    {
        await IssueAsync("adele");
        var id = SingleEntitlement(_bot, "adele");

        var confirm = (await _bot.SayAsync("megan", "revoke TAP for adele@contoso.com")).SingleCard();
        Assert.Contains("approved Temporary Access Pass?", Text(confirm));
        var cancel = confirm["actions"]![0]!["data"]!.AsObject();
        var done = await _bot.ClickAsync("megan", "revokePass", JsonNode.Parse(cancel.ToJsonString())!.AsObject());
        Assert.Contains("cancelled", Text(done["value"]));

        Assert.Equal(EntitlementState.Cancelled, (await StoredAsync(_bot, id)).State);
        Assert.Contains("Temporary Access Pass cancelled", Text(Assert.Single(RewritesIn(_bot, "adele")).Body));
        var late = await ShowCodeAsync(_bot, "adele", id);
        Assert.Contains("cancelled", Text(late["value"]));
        Assert.Null(BotReplies.FindPasscode(late["value"]));
        Assert.Null(_bot.PassId("adele"));
    }

    [Fact]
    public async Task Status_SaysApprovedNotYetShown()
    {
        await IssueAsync("adele");

        var status = Text((await _bot.SayAsync("megan", "TAP status for adele@contoso.com")).SingleCard());

        Assert.Contains("Approved, not yet shown", status);
        Assert.Contains("no Temporary Access Pass in Entra yet", status);
    }

    [Fact]
    public async Task AnApprovedRequest_PostsTheCardToTheRequester_WhoShowsTheCode()
    {
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("adele", "hi");
        await _bot.SayAsync("adele", "I lost my phone");
        await _bot.ClickAsync("adele", "requestPass", new JsonObject { ["v"] = "1", ["recipient"] = "person", ["reason"] = "Lost my phone" },
            cardMessageId: _bot.Connector.LastMessageIdIn(_bot.PersonalConversation("adele")));
        var request = (await _bot.PendingRequestAsync("adele"))!;

        var approved = await _bot.ClickAsync("megan", "approveRequest", new JsonObject { ["requestId"] = request.Id.ToString() });

        Assert.Contains("to show when ready", Text(approved["value"]));
        Assert.Null(_bot.PassId("adele"));
        var shown = await ShowCodeAsync(_bot, "adele", SingleEntitlement(_bot, "adele"));
        Assert.NotNull(BotReplies.FindPasscode(shown["value"]));
        Assert.NotNull(_bot.PassId("adele"));
    }

    [Fact]
    public async Task SeveralReveals_WithVerboseLogs_NoCodeInLogsOrTheDatabase()
    {
        var codes = new List<string>();
        foreach (var person in new[] { "adele", "alexandra", "alex" })
        {
            await IssueAsync(person);
            var shown = await ShowCodeAsync(_bot, person, SingleEntitlement(_bot, person));
            codes.Add(BotReplies.FindPasscode(shown["value"]) ?? throw new InvalidOperationException("no code shown to " + person));
        }

        var database = Path.Combine(_bot.DataDirectory, "tapbot.db");
        var stored = File.ReadAllBytes(database).Concat(File.Exists(database + "-wal") ? File.ReadAllBytes(database + "-wal") : []).ToArray();
        var storedText = System.Text.Encoding.UTF8.GetString(stored);
        Assert.True(_logs.Lines.Count > 50, $"verbose logging captured only {_logs.Lines.Count} lines");
        Assert.Contains(_logs.Lines, l => l.Contains("pass_entitlements", StringComparison.Ordinal)); // the SQL is seen
        foreach (var code in codes)
        {
            Assert.DoesNotContain(_logs.Lines, l => l.Contains(code, StringComparison.Ordinal));
            Assert.DoesNotContain(code, storedText, StringComparison.Ordinal);
            Assert.DoesNotContain(_bot.Connector.Calls, c => Text(c.Body).Contains(code, StringComparison.Ordinal));
        }
    }
}
