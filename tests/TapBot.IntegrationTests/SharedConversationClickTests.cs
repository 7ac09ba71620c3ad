using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TapBot.Cards;

namespace TapBot.IntegrationTests;

/// <summary>
/// Every card button pressed in each conversation type: in a 1:1 chat it acts; in a group chat or channel (an old card
/// posted there before shared conversations became pointers-only, or a forged click) it does nothing and says so,
/// except the approval card's buttons in the approvers' channel. Megan is an approver and Adele's manager, Pradeep an
/// approver; Adele has a pending request whose card is in the approvers' channel.
/// </summary>
public sealed class SharedConversationClickTests : IAsyncLifetime
{
    private const string ApproversChannel = "19:approvals@thread.skype";
    private BotUnderTest _bot = null!;
    private string _requestId = "";

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync();
        await _bot.SetApproversChannelAsync("megan");
        await _bot.SayAsync("adele", "hi");
        await _bot.SayAsync("megan", "hi");
        await _bot.SayAsync("pradeep", "hi");
        await _bot.ClickAsync("adele", CardVerbs.RequestPass,
            new JsonObject { ["v"] = FormVersion.Request, ["recipient"] = "person", ["reason"] = "Lost my phone" }, cardMessageId: "request-form");
        _requestId = (await _bot.PendingRequestAsync("adele"))!.Id.ToString();
        _bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static readonly string[] Places = ["personal", "groupChat", "channel", "approversChannel"];

    public static TheoryData<string, string> EveryVerbInEveryPlace()
    {
        var data = new TheoryData<string, string>();
        foreach (var verb in typeof(CardVerbs).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
        foreach (var place in Places)
            data.Add(verb, place);
        return data;
    }

    /// <summary>Who presses the button, and the data the card TapBot sends for that verb carries.</summary>
    private (string Clicker, JsonObject Data) Click(string verb) => verb switch
    {
        CardVerbs.ShowStatus or CardVerbs.PrepareIssue or CardVerbs.PrepareRequest => ("megan", new JsonObject { ["personId"] = _bot.User("adele").Id }),
        CardVerbs.IssuePass => ("megan", new JsonObject
        {
            ["personId"] = _bot.User("adele").Id, ["v"] = FormVersion.Issue, ["lifetime"] = "60", ["oneTime"] = "true", ["recipient"] = "person", ["reason"] = "INC-7",
        }),
        CardVerbs.RevokePass => ("megan", new JsonObject { ["personId"] = _bot.User("lynne").Id, ["passId"] = _bot.PassId("lynne") }),
        CardVerbs.RequestPass => ("lynne", new JsonObject { ["v"] = FormVersion.Request, ["recipient"] = "person", ["reason"] = "Lost my phone" }),
        CardVerbs.DenyRequest => ("pradeep", new JsonObject { ["requestId"] = _requestId, ["denyReason"] = "Call the service desk" }),
        CardVerbs.ApproveRequest or CardVerbs.RefreshRequest => ("pradeep", new JsonObject { ["requestId"] = _requestId }),
        _ => ("megan", new JsonObject()),
    };

    private static bool ActsIn(string place, string verb) => place switch
    {
        "personal" => true,
        "approversChannel" => verb is CardVerbs.ApproveRequest or CardVerbs.DenyRequest or CardVerbs.RefreshRequest,
        _ => false,
    };

    [Theory]
    [MemberData(nameof(EveryVerbInEveryPlace))]
    public async Task EveryButton_ActsOnlyInA1To1Chat_OrOnTheApproversChannelsCard(string verb, string place)
    {
        var (clicker, data) = Click(verb);
        var lynnesPass = _bot.PassId("lynne");
        var invoke = _bot.Invoke(clicker, verb, data);
        invoke = place switch
        {
            "personal" => invoke,
            "approversChannel" => SharedConversationTests.In("channel", invoke, ApproversChannel),
            _ => SharedConversationTests.In(place, invoke),
        };

        var response = await _bot.PostAsync(invoke);

        Assert.Equal(200, (int)response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var refused = body["value"] is JsonValue v && v.TryGetValue<string>(out var text) && text == SharedConversationReplies.ButtonsOnlyInPrivate;
        Assert.Equal(!ActsIn(place, verb), refused);
        if (!refused) return;

        // Refused: nothing was sent, rewritten, issued, revoked, requested or decided.
        Assert.Empty(_bot.Connector.Calls);
        Assert.Null(_bot.PassId("adele"));
        Assert.Equal(lynnesPass, _bot.PassId("lynne"));
        Assert.Null(await _bot.PendingRequestAsync("lynne"));
        Assert.Equal(_requestId, (await _bot.PendingRequestAsync("adele"))?.Id.ToString());
    }

    [Fact]
    public async Task ApprovingInTheApproversChannel_StillIssuesAndDelivers()
    {
        var click = SharedConversationTests.In("channel", _bot.Invoke("pradeep", CardVerbs.ApproveRequest, new JsonObject { ["requestId"] = _requestId }), ApproversChannel);

        var body = await (await _bot.PostAsync(click)).Content.ReadAsStringAsync();

        Assert.Contains("Approved by Pradeep Gupta", body);
        Assert.Null(await _bot.PendingRequestAsync("adele"));
        Assert.NotNull(_bot.PassId("adele"));
    }
}
