using System.Text.RegularExpressions;

namespace TapBot.Commands;

/// <summary>
/// Parses chat text into a <see cref="BotCommand"/>: case-insensitive, tolerant of polite extra words
/// ("could you show me the TAP status for Adele, please?"), anchored patterns only (never "contains").
/// </summary>
public static partial class CommandParser
{
    public static BotCommand Parse(string? text)
    {
        var t = Normalize(text);
        if (t.Length == 0 || HelpWords().IsMatch(t))
        {
            return new BotCommand.Help();
        }

        if (SecurityAlertChannelWords().IsMatch(t))
        {
            return new BotCommand.SetSecurityAlertChannel();
        }

        if (ApproverChannelWords().IsMatch(t))
        {
            return new BotCommand.SetApproverChannel();
        }

        if (PolicyWords().IsMatch(t))
        {
            return new BotCommand.Policy();
        }

        var issue = IssueWords().Match(t);
        if (issue.Success)
        {
            return new BotCommand.Issue(issue.Groups["who"].Value.Trim());
        }

        var revoke = RevokeWords().Match(t);
        if (revoke.Success)
        {
            return new BotCommand.Revoke(revoke.Groups["who"].Value.Trim());
        }

        if (RequestHelpWords().IsMatch(t))
        {
            return new BotCommand.RequestHelp();
        }

        var audit = AuditWords().Match(t);
        if (audit.Success)
        {
            return new BotCommand.Audit(audit.Groups["who"].Value.Trim());
        }

        var status = Status().Match(t);
        if (status.Success)
        {
            // "TAP status" alone or "... for me" is the requester's own; "TAP status for" with no one is kept
            // as an empty name so the answer can say what is missing.
            var named = status.Groups["who"].Success || t.EndsWith(" for", StringComparison.OrdinalIgnoreCase)
                        || t.EndsWith(" of", StringComparison.OrdinalIgnoreCase) || t.EndsWith(" on", StringComparison.OrdinalIgnoreCase);
            var who = status.Groups["who"].Value.Trim();
            return new BotCommand.Status(!named || SelfWords().IsMatch(who) ? null : who);
        }

        return new BotCommand.Unknown(t);
    }

    private static string Normalize(string? text)
    {
        var t = Spaces().Replace(text ?? "", " ").Trim();
        // "@TapBot" in a channel arrives as <at>TapBot</at>; normally removed with its mention entity, but a
        // leading one left behind is still not part of the command.
        t = LeadingMention().Replace(t, "");
        // Peel polite words off both ends until nothing changes ("hey, could you please ...").
        string before;
        do
        {
            before = t;
            t = PoliteStart().Replace(t, "");
            t = PoliteEnd().Replace(t, "");
            t = t.Trim(' ', ',', '.', '!', '?', ';', ':');
        }
        while (t != before);
        return t;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:<at>[^<]{0,200}</at>\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"^(?:please|pls|kindly|hey|hi|hello|tapbot|can you|could you|would you|will you|i'd like to|i want to|i need to)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex PoliteStart();

    [GeneratedRegex(@"[\s,]*\b(?:please|pls|thanks|thank you|thx)$", RegexOptions.IgnoreCase)]
    private static partial Regex PoliteEnd();

    [GeneratedRegex(@"^(?:help|\?|commands|menu|start|what can you do|how does this work|hi|hello|hey)$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpWords();

    [GeneratedRegex(@"^(?:(?:show|get|check|see|view|tell)(?:\s+me)?\s+|what(?:'s|’s| is)\s+)?(?:the\s+)?(?:my\s+)?(?:(?:tap|temporary access pass)\s+)?status(?:\s+(?:for|of|on)(?:\s+(?<who>.*))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Status();

    [GeneratedRegex(@"^(?:(?:show|get|check|see|view|tell)(?:\s+me)?\s+|what(?:'s|’s| is)\s+)?(?:the\s+|our\s+)?(?:tap|temporary access pass)\s+(?:policy|policies|settings|rules)$", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyWords();

    [GeneratedRegex(@"^(?:issue|create|give|generate|make)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:tap|temporary access pass)(?:\s+(?:for|to)(?:\s+(?<who>.*))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex IssueWords();

    [GeneratedRegex(@"^(?:revoke|delete|remove|cancel)\s+(?:the\s+|a\s+)?(?:tap|temporary access pass)(?:\s+(?:for|of|from)(?:\s+(?<who>.*))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RevokeWords();

    [GeneratedRegex(@"^(?:(?:request|get me|ask for)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:tap|temporary access pass)(?:\s+for\s+(?:me|myself))?|i\s+(?:lost|broke|forgot|replaced|reset|dropped|can't find|cannot find)\s+my\s+(?:new\s+|old\s+|work\s+)?(?:phone|mobile|device|authenticator|authenticator app|security key|passkey|yubikey|laptop).*|my\s+(?:phone|device|authenticator|security key|passkey)\s+(?:is\s+|was\s+)?(?:lost|stolen|broken|gone|dead).*|i\s+(?:need|want)\s+(?:some\s+)?(?:recovery\s+help|help\s+(?:signing|logging)\s+in|a\s+(?:tap|temporary access pass)).*|i\s+can(?:'t|’t|not)\s+sign\s+in.*|recovery(?:\s+help)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequestHelpWords();

    [GeneratedRegex(@"^(?:(?:show|get|check|see|view)(?:\s+me)?\s+)?(?:the\s+)?audit(?:\s+(?:trail|log|events|history))?\s+(?:for|of|on|about)\s+(?<who>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AuditWords();

    [GeneratedRegex(@"^(?:use|set|make)\s+(?:this\s+channel\s+(?:for|as)\s+(?:the\s+)?(?:tap\s+)?approv(?:als|ers)(?:'?\s*channel)?|(?:the\s+)?(?:tap\s+)?approv(?:als|ers)\s+channel(?:\s+(?:here|to this channel))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ApproverChannelWords();

    [GeneratedRegex(@"^(?:(?:use|set|make)\s+this\s+channel\s+(?:for|as)\s+(?:the\s+)?(?:tap\s+)?security(?:\s+alerts?)?(?:\s+channel)?|(?:tap\s+)?security\s+alerts?(?:\s+channel)?\s+here)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityAlertChannelWords();

    [GeneratedRegex(@"^(?:me|myself|my account)$", RegexOptions.IgnoreCase)]
    private static partial Regex SelfWords();
}
