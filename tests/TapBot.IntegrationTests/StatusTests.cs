using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Conversations;

namespace TapBot.IntegrationTests;

/// <summary>
/// "help" and "TAP status for X" through the real host, CloudAdapter, the Graph SDK and the simulated Contoso tenant.
/// Megan is an approver, Alex a helpdesk operator, Adele an ordinary employee (see the seed).
/// </summary>
public sealed class StatusTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    // Without the lookup cache: these follow the tenant from one turn to the next (LookupCacheTests covers the cache).
    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync(new Dictionary<string, string?> { ["LookupCache:Seconds"] = "0" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Help_AnswersWithTheHelpCard()
    {
        var card = (await _bot.SayAsync("adele", "help")).SingleCard();

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("TAP status for", BotReplies.Strings(card).First(s => s.Contains("status for")));
    }

    [Fact]
    public async Task Status_ForPersonWithUsablePass_ShowsTheSeedTableAndNoCode()
    {
        var lynne = _bot.User("lynne");
        var pass = _bot.Tenant.State.GetPass(lynne)!;

        var replies = await _bot.SayAsync("megan", "Could you show me the TAP status for lynne@contoso.com, please?");
        var text = string.Join("\n", BotReplies.Strings(replies.SingleCard()));

        Assert.Contains("Lynne Robbins", text);
        Assert.Contains("Usable now", text);
        Assert.Contains("8 hours", text);
        Assert.Contains("EnabledByPolicy", text);
        Assert.Contains(Iso(pass.Start), text);
        Assert.Contains(Iso(pass.Start.AddMinutes(pass.LifetimeInMinutes)), text);
        Assert.Contains("One-time use", text);
        Assert.DoesNotContain("temporaryAccessPass", replies.Activities[0].ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Status_ForExpiredPass_SaysNotUsableAndWhy()
    {
        var text = (await _bot.SayAsync("megan", "TAP status for Lee Gu")).AllText;

        Assert.Contains("Not usable", text);
        Assert.Contains("Expired", text);
    }

    [Fact]
    public async Task Status_ForPersonWithoutPass_SaysSo()
    {
        var text = (await _bot.SayAsync("alex", "tap status for ADELE@CONTOSO.COM")).AllText;

        Assert.Contains("Adele Vance has no Temporary Access Pass", text);
    }

    [Fact]
    public async Task Status_ByDisplayNameWithSeveralMatches_OffersAPickListThatWorks()
    {
        var card = (await _bot.SayAsync("megan", "TAP status for Alex")).SingleCard();
        var choices = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.ChoiceSet")!["choices"]!.AsArray();
        Assert.Equal(["Alex Wilber (alex@contoso.com)", "Alexandra Walker (alexandra@contoso.com)"],
            choices.Select(c => c!["title"]!.GetValue<string>()).Order());
        var action = card["actions"]![0]!;
        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());

        var response = await _bot.ClickAsync("megan", action["verb"]!.GetValue<string>(),
            new JsonObject { ["personId"] = _bot.User("alexandra").Id });

        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Contains("Alexandra Walker has no Temporary Access Pass", string.Join("\n", BotReplies.Strings(response["value"])));
    }

    [Fact]
    public async Task PickList_ClickByNonApprover_IsRefusedAtClickTime()
    {
        var response = await _bot.ClickAsync("adele", "showStatus", new JsonObject { ["personId"] = _bot.User("lynne").Id });

        Assert.Contains("Only helpdesk operators, approvers and auditors", string.Join("\n", BotReplies.Strings(response["value"])));
    }

    [Theory]
    [InlineData("TAP status for nobody@contoso.com", "couldn't find anyone")]
    [InlineData("TAP status for Zebedee", "couldn't find anyone")]
    [InlineData("TAP status for", "Tell me who you mean")]
    [InlineData("TAP status for [x](https://evil.example)", "doesn't look like a name")]
    [InlineData("TAP status for <b>adele@contoso.com</b>", "Adele Vance has no Temporary Access Pass")]
    public async Task Status_WithAwkwardInput_AnswersClearly(string text, string expected)
    {
        var replies = await _bot.SayAsync("megan", text);

        Assert.Contains(expected, replies.AllText);
    }

    [Fact]
    public async Task LostPhone_IsARequestForHelp_NotAStatusQuery()
    {
        // Lynne, not Megan: an approver's own account is privileged, and this tenant has nobody to decide for her.
        Assert.Contains("Ask for a Temporary Access Pass", (await _bot.SayAsync("lynne", "I lost my phone")).AllText);
    }

    [Fact]
    public async Task Status_OfSomeoneElse_ByOrdinaryEmployee_IsRefused()
    {
        var text = (await _bot.SayAsync("adele", "TAP status for lynne@contoso.com")).AllText;

        Assert.Contains("Only helpdesk operators, approvers and auditors", text);
        Assert.DoesNotContain("Usable", text);
    }

    [Theory]
    [InlineData("TAP status for a")]
    [InlineData("TAP status for Alex")]
    [InlineData("TAP status for nobody@contoso.com")]
    public async Task OrdinaryEmployee_CannotListOrProbePeople(string text)
    {
        var replies = await _bot.SayAsync("adele", text);

        Assert.Contains("Only helpdesk operators, approvers and auditors", replies.AllText);
        Assert.DoesNotContain("@contoso.com", replies.AllText.Replace(_bot.User("adele").UserPrincipalName, ""));
        Assert.DoesNotContain("Input.ChoiceSet", replies.Activities[0].ToJsonString());
    }

    [Fact]
    public async Task OrdinaryEmployee_NamingThemselves_GetsTheirStatus()
    {
        Assert.Contains("Lynne Robbins", (await _bot.SayAsync("lynne", "TAP status for lynne@contoso.com")).AllText);
    }

    [Fact]
    public async Task StatusWithAFreshPass_NeverShowsItsCode()
    {
        var adele = _bot.User("adele");
        var code = _bot.Tenant.State.CreatePass(adele, 60, null, true, 400).Code!;

        var replies = await _bot.SayAsync("megan", "TAP status for adele@contoso.com");

        Assert.Contains("Usable now", replies.AllText);
        Assert.DoesNotContain(code, replies.AllText); // decoded strings: JSON text would escape a '+' in the code
    }

    [Fact]
    public async Task MyStatus_ByOrdinaryEmployee_IsAnswered()
    {
        var text = (await _bot.SayAsync("lynne", "my TAP status")).AllText;

        Assert.Contains("Lynne Robbins", text);
        Assert.Contains("Usable now", text);
    }

    [Fact]
    public async Task Status_ByRoleHolderThroughDirectoryRole_IsAllowed()
    {
        // Patti holds Authentication Administrator, which makes her an approver by default.
        var text = (await _bot.SayAsync("patti", "TAP status for lynne@contoso.com")).AllText;

        Assert.Contains("Usable now", text);
    }

    [Fact]
    public async Task UnknownText_GetsHelp()
    {
        var text = (await _bot.SayAsync("adele", "what's the weather")).AllText;

        Assert.Contains("didn't understand", text);
    }

    [Fact]
    public async Task Policy_InPlainWords_FollowsTheTenant()
    {
        var on = (await _bot.SayAsync("adele", "TAP policy")).AllText;
        var policy = _bot.Tenant.State.Policy;
        policy.State = "disabled";
        policy.IsUsableOnce = true;
        _bot.Tenant.State.ReplacePolicy(policy);
        var off = (await _bot.SayAsync("adele", "what's the TAP policy?")).AllText;

        Assert.Contains("**On**", on);
        Assert.Contains("1 hour to 8 hours", on);
        Assert.Contains("members of 1 group or person", on);
        Assert.Contains("Chosen per pass", on);
        Assert.Contains("**Off**", off);
        Assert.Contains("Always", off);
    }

    [Theory]
    [InlineData("megan", "channel", "approval cards will be posted in this channel")]
    [InlineData("adele", "channel", "Only TAP approvers can choose")]
    [InlineData("megan", "personal", "Type this in the Teams channel")]
    public async Task ApproversChannel_IsSetByAnApproverInAChannel(string who, string conversationType, string expected)
    {
        _bot.Connector.Clear();
        var activity = _bot.Message(who, "<at>TapBot</at> use this channel for TAP approvals");
        activity["conversation"]!["conversationType"] = conversationType;
        activity["conversation"]!["id"] = conversationType == "channel" ? "19:approvals@thread.skype;messageid=1700000000000" : "a:personal";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.skype" };

        var status = await _bot.PostAsync(activity);

        var replies = new BotReplies(_bot.Connector.SentActivities).AllText;
        Assert.True(replies.Contains(expected), $"{status.StatusCode}: {replies}");
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IApproverChannels>().GetAsync(_bot.TenantId, default);
        if (expected.StartsWith("approval cards", StringComparison.Ordinal))
        {
            Assert.Equal(("19:approvals@thread.skype", "19:team@thread.skype", _bot.User("megan").Id), (stored!.Address.ConversationId, stored.TeamId, stored.SetBy));
        }
        else
        {
            Assert.Null(stored);
        }
    }

    private static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
