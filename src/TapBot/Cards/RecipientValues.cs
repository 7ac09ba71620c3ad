using TapBot.Domain.Issuance;

namespace TapBot.Cards;

/// <summary>How a form's recipient choice travels in card data: "person", "manager" or "me".</summary>
public static class RecipientValues
{
    /// <summary>Reads a recipient from card data; null when it is none of them (no value means the person).</summary>
    public static RecipientKind? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "person" => RecipientKind.Person,
        "manager" => RecipientKind.Manager,
        "me" or "requester" => RecipientKind.Requester,
        _ => null,
    };

    /// <summary>The value a card carries for a recipient kind.</summary>
    public static string Of(RecipientKind kind) => kind switch
    {
        RecipientKind.Manager => "manager",
        RecipientKind.Requester => "me",
        _ => "person",
    };
}
