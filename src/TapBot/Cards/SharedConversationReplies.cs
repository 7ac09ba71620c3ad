namespace TapBot.Cards;

/// <summary>
/// What TapBot says in a group chat or channel instead of an answer that belongs in the asker's 1:1 chat. Neutral on
/// purpose: no person asked about, no pass, no name, no UPN; the same words whoever asked about whom (in the asker's
/// language, like every text: <c>Shared.*</c> in Texts).
/// </summary>
public static class SharedConversationReplies
{
    /// <summary>The answer went to the asker's 1:1 chat with TapBot.</summary>
    public static string AnsweredPrivately => Texts.Get("Shared.AnsweredPrivately");

    /// <summary>Teams would not let TapBot open a 1:1 chat with the asker (TapBot is not installed for them), so nothing was answered.</summary>
    public static string OpenPrivateChat => Texts.Get("Shared.OpenPrivateChat");

    /// <summary>A button on a card in a group chat or channel (an old card, or a forged click): nothing is done.</summary>
    public static string ButtonsOnlyInPrivate => Texts.Get("Shared.ButtonsOnlyInPrivate");
}
