using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>
/// The issue form's choices beyond the basics: a later start, the code to the manager or to the approver, the owner's
/// notice, opening a 1:1 chat nobody had yet, a form from an older TapBot, and "audit for X".
/// </summary>
public sealed class IssueChoicesTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync(new() { ["Issuance:SecurityContact"] = "security@contoso.com" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    private JsonObject Choice(string upnPrefix, string recipient = "person") => new()
    {
        ["personId"] = _bot.User(upnPrefix).Id, ["v"] = "2", ["lifetime"] = "60", ["oneTime"] = "true", ["reason"] = "INC-77", ["recipient"] = recipient,
    };

    private List<ConnectorCall> PostsTo(string upnPrefix) => _bot.Connector.Calls
        .Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).Contains("a:personal-" + _bot.User(upnPrefix).Id)).ToList();

    [Fact]
    public async Task Form_OffersStartAndRecipients_AndCarriesOnlyIdsAndAVersion()
    {
        var form = (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).SingleCard();

        var inputs = form["body"]!.AsArray().Select(e => e!["id"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(["lifetime", "oneTime", "startDate", "startTime", "recipient", "reason"], inputs);
        var recipients = form["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "recipient")!["choices"]!.AsArray()
            .Select(c => c!["value"]!.GetValue<string>());
        Assert.Equal(["person", "manager", "me"], recipients);
        var data = form["actions"]![0]!["data"]!.AsObject();
        Assert.Equal(["personId", "recipient", "v"], data.Select(kv => kv.Key).Order());
    }

    [Fact]
    public async Task Start_Later_IsReadInTheApproversTimeZone()
    {
        await _bot.SayAsync("adele", "hi");
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        var data = Choice("adele");
        data["startDate"] = tomorrow.ToString("yyyy-MM-dd");
        data["startTime"] = "09:30";
        var click = _bot.Invoke("megan", "issuePass", data);
        click["localTimezone"] = "Europe/Berlin";

        var response = await _bot.PostAsync(click);

        Assert.Equal(200, (int)response.StatusCode);
        var pass = _bot.Tenant.State.GetPass(_bot.User("adele"))!;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var expected = TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(tomorrow.ToString("yyyy-MM-dd") + "T09:30:00"), berlin);
        Assert.Equal(expected, pass.Start.UtcDateTime);
        Assert.False(pass.IsUsable); // not yet valid
    }

    [Theory]
    [InlineData("2000-01-01", "The start is in the past")]
    [InlineData("2999-01-01", "at most 30 days from now")]
    [InlineData("tomorrow", "not valid")]
    public async Task Start_OutOfBounds_IsRefused_AndNothingIsCreated(string date, string expected)
    {
        await _bot.SayAsync("adele", "hi");
        var before = _bot.Tenant.State.GetPass(_bot.User("adele"))?.Id;
        var data = Choice("adele");
        data["startDate"] = date;

        var response = await _bot.ClickAsync("megan", "issuePass", data);

        Assert.Contains(expected, Text(response["value"]));
        Assert.Equal(before, _bot.Tenant.State.GetPass(_bot.User("adele"))?.Id);
    }

    [Fact]
    public async Task CodeToTheManager_GoesToHerChat_AndTheOwnerIsNotified()
    {
        await _bot.SayAsync("lynne", "hi");
        await _bot.SayAsync("patti", "hi");
        _bot.Connector.Clear();

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("lynne", "manager"));

        Assert.Contains("Sent to\nPatti Fernandez, privately", Text(response["value"]));
        var toPatti = Assert.Single(PostsTo("patti"));
        Assert.Contains("Temporary Access Pass for Lynne Robbins", Text(toPatti.Body));
        var notice = Assert.Single(PostsTo("lynne"));
        Assert.Contains("A Temporary Access Pass was issued for your account", Text(notice.Body));
        Assert.Contains("security@contoso.com", Text(notice.Body));
        Assert.DoesNotContain("TextRun", notice.Body!.ToJsonString()); // the notice never carries the code
    }

    [Fact]
    public async Task CodeToMe_GoesToTheApproversOwnChat()
    {
        await _bot.SayAsync("megan", "hi");
        await _bot.SayAsync("adele", "hi");
        _bot.Connector.Clear();

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("adele", "me"));

        Assert.Contains("Sent to\nMegan Bowen, privately", Text(response["value"]));
        Assert.Contains(PostsTo("megan"), c => Text(c.Body).Contains("Temporary Access Pass for Adele Vance"));
        Assert.Contains(PostsTo("adele"), c => Text(c.Body).Contains("A Temporary Access Pass was issued for your account"));
    }

    [Fact]
    public async Task RecipientNotAllowedByConfiguration_IsRefused()
    {
        await using var strict = await BotUnderTest.StartAsync(new() { ["Issuance:AllowedRecipients:0"] = "Person" });
        await strict.SayAsync("adele", "hi");
        var form = (await strict.SayAsync("megan", "issue TAP for adele@contoso.com")).SingleCard();
        Assert.DoesNotContain(form["body"]!.AsArray(), e => e!["id"]?.GetValue<string>() == "recipient");

        var data = Choice("adele", "me");
        data["personId"] = strict.User("adele").Id;
        var response = await strict.ClickAsync("megan", "issuePass", data);

        Assert.Contains("does not allow sending the code to you", Text(response["value"]));
    }

    [Fact]
    public async Task UnknownChat_IsOpened_WhenTapBotIsInstalledForThePerson()
    {
        await _bot.SayAsync("megan", "hi"); // some chat in the tenant: where new chats are opened
        _bot.Connector.InstalledFor[_bot.User("alexandra").Id] = true;

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("alexandra"));

        Assert.Contains("Temporary Access Pass issued for Alexandra", Text(response["value"]));
        var opened = Assert.Single(_bot.Connector.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.Equal(_bot.User("alexandra").Id, opened.Body!["members"]![0]!["id"]!.GetValue<string>());
        await using var scope = _bot.App.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User("alexandra").Id, default));
    }

    [Fact]
    public async Task FormFromAnOlderVersion_IsRefused()
    {
        var data = Choice("adele");
        data.Remove("v");

        var response = await _bot.ClickAsync("megan", "issuePass", data);

        Assert.Contains("older version of TapBot", Text(response["value"]));
    }

    [Theory]
    [InlineData("lidia", "Audit trail for Adele Vance")]  // auditor
    [InlineData("megan", "Audit trail for Adele Vance")]  // approver
    [InlineData("lee", "Only TAP approvers and auditors")]
    public async Task AuditForX_ShowsRecentEvents_ToApproversAndAuditors(string who, string expected)
    {
        await _bot.SayAsync("adele", "hi");
        await _bot.ClickAsync("megan", "issuePass", Choice("adele"));

        var card = (await _bot.SayAsync(who, "audit for adele@contoso.com")).SingleCard();

        Assert.Contains(expected, Text(card));
        if (who != "lee")
        {
            Assert.Contains("pass created — by Megan Bowen", Text(card));
            Assert.Contains("reason: INC-77", Text(card));
        }
    }
}
