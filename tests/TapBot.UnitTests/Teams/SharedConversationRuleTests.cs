using System.Runtime.CompilerServices;
using Microsoft.Bot.Schema;
using TapBot.Cards;
using TapBot.Commands;
using TapBot.Teams;

namespace TapBot.UnitTests.Teams;

/// <summary>The one rule for group chats and channels: what is shared, what may be answered there, which buttons act there.</summary>
public sealed class SharedConversationRuleTests
{
    private static Activity In(string? conversationType, bool? isGroup = null) =>
        new() { Conversation = new ConversationAccount(isGroup: isGroup, conversationType: conversationType, id: "x") };

    [Theory]
    [InlineData("personal", null, false)]
    [InlineData("personal", false, false)]
    [InlineData("personal", true, true)] // contradictory: treated as shared
    [InlineData("groupChat", true, true)]
    [InlineData("channel", true, true)]
    [InlineData("channel", null, true)]
    [InlineData(null, null, true)] // Teams always says; anything unknown is shared
    [InlineData("Personal", null, true)]
    public void OnlyA1To1Chat_IsPrivate(string? conversationType, bool? isGroup, bool shared) =>
        Assert.Equal(shared, SharedConversationRule.IsShared(In(conversationType, isGroup)));

    [Fact]
    public void AnActivityWithoutAConversation_IsShared() =>
        Assert.True(SharedConversationRule.IsShared(new Activity()));

    [Fact]
    public void OnlyHelpPolicyAndTheTwoChannelCommands_AreAnsweredInPlace()
    {
        // Every command there is, built without its arguments (the rule looks at the type only).
        var inPlace = typeof(BotCommand).GetNestedTypes()
            .Where(t => t.IsSubclassOf(typeof(BotCommand)))
            .Where(t => SharedConversationRule.AnswersInPlace((BotCommand)RuntimeHelpers.GetUninitializedObject(t)))
            .Select(t => t.Name).Order().ToList();

        Assert.Equal(["Help", "Policy", "SetApproverChannel", "SetSecurityAlertChannel", "Unknown"], inPlace);
    }

    [Theory]
    [InlineData("my TAP status")]
    [InlineData("TAP status for adele@contoso.com")]
    [InlineData("issue TAP for Adele")]
    [InlineData("revoke TAP for adele@contoso.com")]
    [InlineData("audit for adele@contoso.com")]
    [InlineData("I lost my phone")]
    public void CommandsAboutAPersonOrWithAForm_AreAnsweredPrivately(string text) =>
        Assert.False(SharedConversationRule.AnswersInPlace(CommandParser.Parse(text)));

    [Theory]
    [InlineData("help")]
    [InlineData("TAP policy")]
    [InlineData("use this channel for TAP approvals")]
    [InlineData("what's the weather")]
    public void HelpAndPolicy_AreAnsweredInPlace(string text) =>
        Assert.True(SharedConversationRule.AnswersInPlace(CommandParser.Parse(text)));

    [Fact]
    public void OnlyTheApprovalCardsButtons_MayActInASharedConversation()
    {
        var verbs = typeof(CardVerbs).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        var approval = verbs.Where(SharedConversationRule.IsApprovalCardVerb).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([CardVerbs.ApproveRequest, CardVerbs.DenyRequest, CardVerbs.RefreshRequest], approval);
        Assert.False(SharedConversationRule.IsApprovalCardVerb(null));
        Assert.False(SharedConversationRule.IsApprovalCardVerb("ApproveRequest"));
    }

    [Theory]
    [InlineData("19:abc@thread.skype", "19:abc@thread.skype")]
    [InlineData("19:abc@thread.skype;messageid=1764633600000", "19:abc@thread.skype")]
    public void AChannelThread_BelongsToItsChannel(string conversationId, string channel) =>
        Assert.Equal(channel, SharedConversationRule.ChannelOf(conversationId));
}
