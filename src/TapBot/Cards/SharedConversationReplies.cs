namespace TapBot.Cards;

/// <summary>
/// What TapBot says in a group chat or channel instead of an answer that belongs in the asker's 1:1 chat. Neutral on
/// purpose: no person asked about, no pass, no name, no UPN; the same words whoever asked about whom.
/// </summary>
public static class SharedConversationReplies
{
    /// <summary>The answer went to the asker's 1:1 chat with TapBot.</summary>
    public const string AnsweredPrivately = "I've answered you privately, in your 1:1 chat with TapBot.";

    /// <summary>Teams would not let TapBot open a 1:1 chat with the asker (TapBot is not installed for them), so nothing was answered.</summary>
    public const string OpenPrivateChat =
        "I answer that only in a 1:1 chat, and I can't start one with you yet. Open a 1:1 chat with TapBot " +
        "(in Teams, select **Apps**, find TapBot and choose **Open**, or select TapBot's name and choose **Chat**), say **hi**, and ask me there.";

    /// <summary>A button on a card in a group chat or channel (an old card, or a forged click): nothing is done.</summary>
    public const string ButtonsOnlyInPrivate =
        "TapBot's buttons work only in your 1:1 chat with TapBot, so nothing was done here. Ask me again in your 1:1 chat.";
}
