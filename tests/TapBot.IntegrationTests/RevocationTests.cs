using System.Text.Json.Nodes;

namespace TapBot.IntegrationTests;

/// <summary>
/// "revoke TAP for X" and "Revoke" on a receipt through the real host, Graph SDK and emulator: confirmation first, the
/// pass the card showed and no other, privileged people by privileged approvers, and the delivered code redacted.
/// </summary>
public sealed class RevocationTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private JsonObject Choice(string upnPrefix) => IssueForms.Choice(_bot, upnPrefix);

    private static string Text(JsonNode? node) => IssueForms.Text(node);

    private string? DeliveredCode(string upnPrefix) => IssueForms.DeliveredCode(_bot, upnPrefix);

    [Fact]
    public async Task RevokeFromTheReceipt_DeletesThePass_AndRedactsTheDeliveredCard()
    {
        await _bot.SayAsync("adele", "hi");
        var receipt = await _bot.ClickAsync("megan", "issuePass", Choice("adele"));
        var code = DeliveredCode("adele")!;
        var revoke = receipt["value"]!["actions"]![0]!;
        Assert.Equal("revokePass", revoke["verb"]!.GetValue<string>());
        _bot.Connector.Clear();

        var response = await _bot.ClickAsync("megan", "revokePass", revoke["data"]!.AsObject().DeepClone().AsObject());

        Assert.Contains("Temporary Access Pass revoked for Adele Vance", Text(response["value"]));
        Assert.Contains("no longer shows it", Text(response["value"]));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("adele")));
        var redaction = Assert.Single(_bot.Connector.Calls, c => c.Method == "PUT" && Uri.UnescapeDataString(c.Path).Contains("a:personal-" + _bot.User("adele").Id));
        Assert.Contains("Temporary Access Pass revoked", Text(redaction.Body));
        Assert.DoesNotContain(code, Text(redaction.Body));
    }

    [Fact]
    public async Task RevokeCommand_AsksFirst_ThenRevokes()
    {
        var confirm = (await _bot.SayAsync("megan", "revoke TAP for lynne@contoso.com")).SingleCard();
        Assert.Contains("Revoke Lynne Robbins's Temporary Access Pass?", Text(confirm));
        Assert.NotNull(_bot.Tenant.State.GetPass(_bot.User("lynne"))); // nothing happened yet

        var data = confirm["actions"]![0]!["data"]!.AsObject().DeepClone().AsObject();
        var response = await _bot.ClickAsync("megan", "revokePass", data);

        Assert.Contains("revoked for Lynne Robbins", Text(response["value"]));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("lynne")));
        Assert.Contains("Nothing was changed", Text((await _bot.ClickAsync("megan", "cancel"))["value"]));
    }

    [Fact]
    public async Task Revoke_OfAReplacedPass_TouchesNothing()
    {
        var confirm = (await _bot.SayAsync("megan", "revoke TAP for lynne@contoso.com")).SingleCard();
        var replacement = _bot.Tenant.State.CreatePass(_bot.User("lynne"), 60, null, true, 400);

        var response = await _bot.ClickAsync("megan", "revokePass", confirm["actions"]![0]!["data"]!.AsObject().DeepClone().AsObject());

        Assert.Contains("changed since this card was shown", Text(response["value"]));
        Assert.Equal(replacement.Id, _bot.Tenant.State.GetPass(_bot.User("lynne"))!.Id);
    }

    [Theory]
    [InlineData("adele", "lynne@contoso.com", "Only TAP approvers can revoke")]
    [InlineData("megan", "adele@contoso.com", "has no Temporary Access Pass to revoke")]
    public async Task RevokeCommand_Refusals(string requester, string target, string expected)
    {
        Assert.Contains(expected, (await _bot.SayAsync(requester, "revoke TAP for " + target)).AllText);
    }

    [Fact]
    public async Task RevokingAPrivilegedPersonsPass_NeedsAPrivilegedApprover()
    {
        await _bot.SayAsync("nestor", "hi");
        await _bot.ClickAsync("isaiah", "issuePass", Choice("nestor"));
        var passId = _bot.Tenant.State.GetPass(_bot.User("nestor"))!.Id;
        var data = new JsonObject { ["personId"] = _bot.User("nestor").Id, ["passId"] = passId };

        var refused = await _bot.ClickAsync("megan", "revokePass", data.DeepClone().AsObject());
        var revoked = await _bot.ClickAsync("isaiah", "revokePass", data);

        Assert.Contains("only a privileged approver can revoke", Text(refused["value"]));
        Assert.Contains("revoked for Nestor Wilke", Text(revoked["value"]));
    }
}
