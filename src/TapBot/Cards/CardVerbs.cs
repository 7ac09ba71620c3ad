namespace TapBot.Cards;

/// <summary>Every Action.Execute verb TapBot understands, named by intent.</summary>
public static class CardVerbs
{
    /// <summary>Show the TAP status of a person picked from a list.</summary>
    public const string ShowStatus = "showStatus";
}
