using TapBot.Commands;

namespace TapBot.UnitTests;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("  help please ")]
    [InlineData("?")]
    [InlineData("hi")]
    [InlineData("what can you do?")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_HelpPhrasings_AreHelp(string? text) => Assert.IsType<BotCommand.Help>(CommandParser.Parse(text));

    [Theory]
    [InlineData("TAP status for adele@contoso.com", "adele@contoso.com")]
    [InlineData("tap STATUS for Adele Vance", "Adele Vance")]
    [InlineData("Could you show me the TAP status for Adele, please?", "Adele")]
    [InlineData("hey tapbot, what's the TAP status of lynne@contoso.com", "lynne@contoso.com")]
    [InlineData("status for Lee Gu", "Lee Gu")]
    [InlineData("check temporary access pass status for Lee", "Lee")]
    [InlineData("TAP status for", "")]
    public void Parse_StatusForSomeone_KeepsTheName(string text, string person)
    {
        var status = Assert.IsType<BotCommand.Status>(CommandParser.Parse(text));

        Assert.Equal(person, status.PersonText);
    }

    [Theory]
    [InlineData("issue TAP for adele@contoso.com", "adele@contoso.com")]
    [InlineData("Please issue a TAP for Adele Vance", "Adele Vance")]
    [InlineData("create a temporary access pass for <at>Adele Vance</at>", "<at>Adele Vance</at>")]
    [InlineData("issue TAP", "")]
    public void Parse_Issue_KeepsThePerson(string text, string person) =>
        Assert.Equal(person, Assert.IsType<BotCommand.Issue>(CommandParser.Parse(text)).PersonText);

    [Theory]
    [InlineData("revoke TAP for lynne", "lynne")]
    [InlineData("please delete the temporary access pass of Lee Gu", "Lee Gu")]
    public void Parse_Revoke_KeepsThePerson(string text, string person) =>
        Assert.Equal(person, Assert.IsType<BotCommand.Revoke>(CommandParser.Parse(text)).PersonText);

    [Theory]
    [InlineData("use this channel for TAP approvals")]
    [InlineData("set approvers channel here")]
    [InlineData("please use this channel for approvals")]
    public void Parse_ApproverChannel(string text) => Assert.IsType<BotCommand.SetApproverChannel>(CommandParser.Parse(text));

    [Theory]
    [InlineData("use this channel for TAP security alerts")]
    [InlineData("TAP security alerts here")]
    [InlineData("please use this channel for security alerts")]
    public void Parse_SecurityAlertChannel(string text) => Assert.IsType<BotCommand.SetSecurityAlertChannel>(CommandParser.Parse(text));

    [Theory]
    [InlineData("TAP policy")]
    [InlineData("what's the TAP policy?")]
    [InlineData("show me our temporary access pass rules please")]
    public void Parse_PolicyPhrasings_ArePolicy(string text) => Assert.IsType<BotCommand.Policy>(CommandParser.Parse(text));

    [Theory]
    [InlineData("my TAP status")]
    [InlineData("TAP status")]
    [InlineData("TAP status for me please")]
    [InlineData("what is my tap status?")]
    public void Parse_OwnStatus_HasNoName(string text) =>
        Assert.Null(Assert.IsType<BotCommand.Status>(CommandParser.Parse(text)).PersonText);

    [Theory]
    [InlineData("the status quo for everyone is fine actually no")]
    [InlineData("issue tracker")]
    [InlineData("what's the weather")]
    public void Parse_OtherText_IsUnknown(string text) => Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text));

    [Theory]
    [InlineData("request TAP")]
    [InlineData("Request a TAP for me please")]
    [InlineData("I lost my phone")]
    [InlineData("i lost my phone yesterday and can't sign in")]
    [InlineData("I need recovery help")]
    [InlineData("my phone was stolen")]
    [InlineData("I can't sign in")]
    [InlineData("hi, I broke my security key")]
    public void Parse_RecoveryPhrases_AreRequestHelp(string text) => Assert.IsType<BotCommand.RequestHelp>(CommandParser.Parse(text));

    [Theory]
    [InlineData("audit for adele@contoso.com", "adele@contoso.com")]
    [InlineData("show the audit trail for Adele Vance", "Adele Vance")]
    [InlineData("Audit log of lynne@contoso.com please", "lynne@contoso.com")]
    public void Parse_Audit_KeepsThePerson(string text, string who) =>
        Assert.Equal(who, Assert.IsType<BotCommand.Audit>(CommandParser.Parse(text)).PersonText);

    [Theory]
    [InlineData("I lost my temper")]
    [InlineData("audit")]
    public void Parse_NearMisses_AreNotCommands(string text) => Assert.IsType<BotCommand.Unknown>(CommandParser.Parse(text));
}
