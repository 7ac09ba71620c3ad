using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>
/// What a helpdesk notices first: the reader's language, a refused form that keeps what was typed, a mention that
/// names one person by their object id, and every refusal in the audit trail.
/// </summary>
public sealed class TeamsExperienceTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    private JsonObject Choice(string upnPrefix) => new()
    {
        ["personId"] = _bot.User(upnPrefix).Id, ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "false", ["reason"] = "INC-4711 caller verified",
        ["recipient"] = "person", ["startDate"] = "2000-01-01", ["startTime"] = "08:30",
    };

    private static JsonObject Input(JsonNode card, string id) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["id"]?.GetValue<string>() == id);

    [Fact]
    public async Task RefusedSubmit_AnswersWithTheSameForm_ValuesKept_MessageAboveTheButton_AndIsAudited()
    {
        await _bot.SayAsync("adele", "hi");

        var card = (await _bot.ClickAsync("megan", "issuePass", Choice("adele")))["value"]!;

        Assert.Equal("INC-4711 caller verified", Input(card, "reason")["value"]!.GetValue<string>());
        Assert.Equal("120", Input(card, "lifetime")["value"]!.GetValue<string>());
        Assert.Equal("false", Input(card, "oneTime")["value"]!.GetValue<string>());
        Assert.Equal("2000-01-01", Input(card, "startDate")["value"]!.GetValue<string>());
        Assert.Equal("08:30", Input(card, "startTime")["value"]!.GetValue<string>());
        var last = card["body"]!.AsArray().Last()!;
        Assert.Contains("The start is in the past", last["text"]!.GetValue<string>());
        Assert.Equal("issuePass", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Null(_bot.PassId("adele"));
        Assert.Contains(await EventsAboutAsync("adele"), e => e.Kind == AuditKinds.IssueRefused && e.Details["reason"].Contains("in the past"));
    }

    [Fact]
    public async Task FormFromAnOlderTapBot_IsOfferedAgain_WithTheValuesThatStillFit()
    {
        var data = Choice("adele");
        data["v"] = "1";

        var card = (await _bot.ClickAsync("megan", "issuePass", data))["value"]!;

        Assert.Contains("older version of TapBot", Text(card));
        Assert.Equal("INC-4711 caller verified", Input(card, "reason")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task GermanLocale_WordsTheFormAndTheRefusal_InGerman()
    {
        await _bot.SayAsync("adele", "hi");
        var message = _bot.Message("megan", "issue TAP for adele@contoso.com");
        message["locale"] = "de-DE";
        _bot.Connector.Clear();
        await _bot.PostAsync(message);
        var form = new BotReplies(_bot.Connector.SentActivities).SingleCard();

        Assert.Contains("Befristeten Zugriffspass für Adele Vance ausstellen", Text(form));
        Assert.Equal("Pass ausstellen", form["actions"]![0]!["title"]!.GetValue<string>());

        var click = _bot.Invoke("megan", "issuePass", Choice("adele"));
        click["locale"] = "de-DE";
        var refused = (await (await _bot.PostAsync(click)).Content.ReadFromJsonAsync<JsonObject>())!["value"]!;
        Assert.Contains("Noch nicht gesendet", Text(refused));
    }

    [Fact]
    public async Task UnknownLocale_IsEnglish()
    {
        var message = _bot.Message("megan", "help");
        message["locale"] = "tlh-KX";
        _bot.Connector.Clear();
        await _bot.PostAsync(message);

        Assert.Contains("What you can type", new BotReplies(_bot.Connector.SentActivities).AllText);
    }

    [Fact]
    public async Task Mention_IsResolvedByTheMembersObjectId_NotByTheNameItShows()
    {
        var adele = _bot.User("adele");
        // The mention shows a name that matches nobody: only the object id can find Adele.
        var message = _bot.Message("megan", "issue TAP for <at>The new colleague</at>");
        message["entities"] = new JsonArray(Mention("The new colleague", "29:adele", adele.Id));

        var card = (await SendAsync(message)).SingleCard();

        Assert.Contains("Issue a Temporary Access Pass for Adele Vance", Text(card));
    }

    [Fact]
    public async Task SeveralMentions_AreRefusedPlainly()
    {
        var message = _bot.Message("megan", "TAP status for <at>Adele</at> <at>Lynne</at>");
        message["entities"] = new JsonArray(Mention("Adele", "29:adele", _bot.User("adele").Id), Mention("Lynne", "29:lynne", _bot.User("lynne").Id));

        var replies = await SendAsync(message);

        Assert.Contains("mention one person at a time", replies.AllText);
    }

    [Fact]
    public async Task Refusals_OfRevokeAndTheAuditTrail_AreAudited()
    {
        await _bot.SayAsync("adele", "revoke TAP for lynne@contoso.com"); // Adele is no approver
        await _bot.SayAsync("adele", "audit for lynne@contoso.com"); // nor an auditor

        var kinds = (await EventsAboutAsync("adele")).Select(e => e.Kind).ToList();
        Assert.Contains(AuditKinds.RevokeRefused, kinds);
        Assert.Contains(AuditKinds.AuditRefused, kinds);
    }

    private async Task<BotReplies> SendAsync(JsonObject message)
    {
        _bot.Connector.Clear();
        var response = await _bot.PostAsync(message);
        Assert.Equal(200, (int)response.StatusCode);
        return new BotReplies(_bot.Connector.SentActivities);
    }

    private static JsonObject Mention(string name, string teamsId, string objectId) => new()
    {
        ["type"] = "mention", ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = teamsId, ["name"] = name, ["aadObjectId"] = objectId },
    };

    private async Task<IReadOnlyList<AuditEvent>> EventsAboutAsync(string upnPrefix)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(_bot.User(upnPrefix).Id, 50, default);
    }
}
