using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Cards;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.IntegrationTests;

/// <summary>
/// Group chats and channels are for pointers only: every command typed there, and every card button pressed there, in
/// each of Teams' three conversation types. Megan is an approver, Alex a helpdesk operator, Lidia an auditor, Adele and
/// Lynne ordinary employees (see the seed).
/// </summary>
public sealed class SharedConversationTests : IAsyncLifetime
{
    private const string GroupChat = "19:group-chat@thread.v2";
    private const string Channel = "19:general@thread.skype";
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static readonly string[] ConversationTypes = ["personal", "groupChat", "channel"];

    /// <summary>Each command: who types it, and whether its answer is private (names a person, or carries a form or pick list).</summary>
    private static readonly (string Asker, string Text, bool Private)[] Commands =
    [
        ("adele", "help", false),
        ("adele", "what's the weather", false),
        ("adele", "TAP policy", false),
        ("megan", "use this channel for TAP approvals", false),
        ("megan", "use this channel for TAP security alerts", false),
        ("lynne", "my TAP status", true),
        ("megan", "TAP status for adele@contoso.com", true),
        ("megan", "TAP status for Alex", true),
        ("megan", "issue TAP for adele@contoso.com", true),
        ("megan", "issue TAP for Alex", true),
        ("alex", "issue TAP for adele@contoso.com", true),
        ("megan", "revoke TAP for lynne@contoso.com", true),
        ("adele", "I lost my phone", true),
        ("lidia", "audit for adele@contoso.com", true),
    ];

    public static TheoryData<string, string, bool, string> EveryCommandInEveryConversation()
    {
        var data = new TheoryData<string, string, bool, string>();
        foreach (var (asker, text, isPrivate) in Commands)
        foreach (var type in ConversationTypes)
            data.Add(asker, text, isPrivate, type);
        return data;
    }

    /// <summary>The same activity, moved into a group chat or a channel thread (as Teams shapes them), mentioning TapBot.</summary>
    public static JsonObject In(string conversationType, JsonObject activity, string channel = Channel)
    {
        if (conversationType == "personal") return activity;
        var conversation = activity["conversation"]!.AsObject();
        conversation["conversationType"] = conversationType;
        conversation["isGroup"] = true;
        conversation["id"] = conversationType == "groupChat" ? GroupChat : channel + ";messageid=1764633600000";
        if (conversationType == "channel")
        {
            activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.skype" };
            activity["channelData"]!["channel"] = new JsonObject { ["id"] = channel };
        }

        if (activity["text"] is JsonValue text) activity["text"] = "<at>TapBot</at> " + text.GetValue<string>();
        return activity;
    }

    /// <summary>What the bot posted (new messages, not updates) in conversations whose id starts with the text.</summary>
    private List<JsonObject> PostedIn(string conversationIdStart) => _bot.Connector.Calls
        .Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).StartsWith("/v3/conversations/" + conversationIdStart, StringComparison.Ordinal))
        .Select(c => c.Body!).ToList();

    private static string SharedIdOf(string conversationType) => conversationType == "groupChat" ? GroupChat : Channel;

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    /// <summary>Names, UPNs, mail addresses and job titles of everyone in the tenant except the asker.</summary>
    private IEnumerable<string> PersonFactsExcept(string asker) => _bot.Tenant.State.Users
        .Where(u => u.Id != _bot.User(asker).Id)
        .SelectMany(u => new[] { u.DisplayName, u.UserPrincipalName, u.Mail, u.JobTitle })
        .Where(s => !string.IsNullOrEmpty(s))!;

    [Theory]
    [MemberData(nameof(EveryCommandInEveryConversation))]
    public async Task EveryCommand_AnswersPrivately_OrInPlace_ByTheOneRule(string asker, string text, bool isPrivate, string conversationType)
    {
        await _bot.SayAsync(asker, "hi"); // TapBot knows the asker's 1:1 chat
        _bot.Connector.Clear();

        var response = await _bot.PostAsync(In(conversationType, _bot.Message(asker, text)));

        Assert.Equal(200, (int)response.StatusCode);
        var personal = PostedIn(_bot.PersonalConversation(asker));
        if (conversationType == "personal")
        {
            Assert.NotEmpty(personal);
            Assert.Empty(PostedIn("19:"));
            return;
        }

        var shared = PostedIn(SharedIdOf(conversationType));
        var sharedText = Text(new JsonArray(shared.Select(a => (JsonNode)a.DeepClone()).ToArray()));
        if (isPrivate)
        {
            // The whole answer is in the 1:1 chat; the shared conversation gets the neutral line and nothing else.
            Assert.Single(personal);
            Assert.Equal(SharedConversationReplies.AnsweredPrivately, Assert.Single(shared)["text"]!.GetValue<string>());
            Assert.True(shared[0]["attachments"] is null or JsonArray { Count: 0 }, "The neutral line carries no card.");
        }
        else
        {
            Assert.Empty(personal);
            Assert.NotEmpty(shared);
            Assert.DoesNotContain("Input.", sharedText);
            Assert.DoesNotContain("Action.Execute", sharedText);
        }

        Assert.All(PersonFactsExcept(asker), fact => Assert.DoesNotContain(fact, sharedText, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task AnAskerWithNoKnownChat_GetsOneOpened_AndTheFormWorksThere(string conversationType)
    {
        // Megan never wrote to TapBot privately; TapBot is installed for her, so Teams opens a 1:1 chat on request.
        _bot.TrustClickedCards = false;
        _bot.Connector.InstalledFor[_bot.User("megan").Id] = true;

        await _bot.PostAsync(In(conversationType, _bot.Message("megan", "issue TAP for adele@contoso.com")));

        var create = Assert.Single(_bot.Connector.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.Equal(_bot.User("megan").Id, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(_bot.TenantId, create.Body!["tenantId"]?.GetValue<string>() ?? create.Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var form = Assert.Single(PostedIn("a:1"));
        Assert.Contains("Adele Vance", Text(form));
        Assert.Equal(SharedConversationReplies.AnsweredPrivately, Assert.Single(PostedIn(SharedIdOf(conversationType)))["text"]!.GetValue<string>());

        // The form in the new chat is TapBot's own card there: Issue pass works on it.
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var chat = await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User("megan").Id, default);
        Assert.StartsWith("a:1", chat!.Address.ConversationId);
        var formId = _bot.Connector.LastMessageIdIn(chat.Address.ConversationId);
        await _bot.SayAsync("adele", "hi");
        var click = _bot.Invoke("megan", "issuePass", new JsonObject
        {
            ["personId"] = _bot.User("adele").Id, ["v"] = "2", ["lifetime"] = "60", ["oneTime"] = "true", ["reason"] = "INC-7",
        }, cardMessageId: formId);
        click["conversation"]!["id"] = chat.Address.ConversationId;
        var issued = await (await _bot.PostAsync(click)).Content.ReadAsStringAsync();
        Assert.Contains("issued for Adele Vance", issued);
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task AnAskerTapBotCannotReachPrivately_IsToldToOpenAChat_AndNothingIsLookedUp(string conversationType)
    {
        // Megan never wrote to TapBot privately and TapBot is not installed for her: Teams answers 403.
        await using var scope = _bot.App.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var before = (await audit.RecentAsync(_bot.User("adele").Id, 100, default)).Count;

        await _bot.PostAsync(In(conversationType, _bot.Message("megan", "TAP status for adele@contoso.com")));

        Assert.Single(_bot.Connector.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.Empty(PostedIn("a:"));
        var shared = Assert.Single(PostedIn(SharedIdOf(conversationType)));
        Assert.Equal(SharedConversationReplies.OpenPrivateChat, shared["text"]!.GetValue<string>());
        Assert.DoesNotContain("Adele", Text(shared));
        Assert.Equal(before, (await audit.RecentAsync(_bot.User("adele").Id, 100, default)).Count);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IPersonalChats>().FindAsync(_bot.TenantId, _bot.User("megan").Id, default));
    }

    [Fact]
    public async Task AnAskerWhoBlockedTapBot_IsToldToOpenAChat_AndNothingLeaksIntoTheGroup()
    {
        await _bot.SayAsync("megan", "hi");
        _bot.Connector.Blocked[_bot.PersonalConversation("megan")] = true;
        _bot.Connector.Clear();

        await _bot.PostAsync(In("groupChat", _bot.Message("megan", "TAP status for adele@contoso.com")));

        var shared = Assert.Single(PostedIn(GroupChat));
        Assert.Equal(SharedConversationReplies.OpenPrivateChat, shared["text"]!.GetValue<string>());
        Assert.DoesNotContain("Adele", Text(shared));
    }
}
