using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using TapBot.Cards;

namespace TapBot.Teams;

/// <summary>
/// "issue TAP for @Adele": a mention names one Teams member, so the command uses that member's Entra object id
/// rather than searching the directory for the display name the mention happens to show (two Adeles, a renamed
/// Adele). More than one mentioned person is refused plainly: a command acts on one person.
/// </summary>
public static class MentionedPerson
{
    /// <summary>The text with the mention replaced by the person's object id, or a problem to answer with instead.</summary>
    public static async Task<(string Text, string? Problem)> ResolveAsync(ITurnContext turn, string text, CancellationToken ct)
    {
        var activity = turn.Activity;
        var mentions = activity.GetMentions()
            .Where(m => m.Mentioned?.Id is { Length: > 0 } id && id != activity.Recipient?.Id && !string.IsNullOrEmpty(m.Text) && text.Contains(m.Text, StringComparison.Ordinal))
            .GroupBy(m => m.Mentioned.Id).Select(g => g.First()).ToList();
        if (mentions.Count == 0) return (text, null);
        if (mentions.Count > 1) return (text, Texts.Get("Mention.Several"));

        var mention = mentions[0];
        var objectId = mention.Mentioned.AadObjectId;
        if (!Guid.TryParse(objectId, out _))
        {
            try
            {
                objectId = (await TeamsInfo.GetMemberAsync(turn, mention.Mentioned.Id, ct))?.AadObjectId;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                objectId = null;
            }
        }

        return Guid.TryParse(objectId, out var id)
            ? (text.Replace(mention.Text, id.ToString(), StringComparison.Ordinal), null)
            : (text, Texts.Get("Mention.Unknown"));
    }
}
