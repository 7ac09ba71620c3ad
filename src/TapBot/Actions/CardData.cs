using Newtonsoft.Json.Linq;
using TapBot.Cards;

namespace TapBot.Actions;

/// <summary>Typed, defensive reads of an Action.Execute's <c>data</c> (action data merged with input values).</summary>
public sealed class CardData(JObject? data)
{
    /// <summary>Longest value accepted from card data; ids and short inputs are far shorter.</summary>
    public const int MaxValueLength = 1024;

    public static CardData From(object? value) => new(value as JObject);

    public string? Text(string name)
    {
        var token = data?[name];
        if (token is null || token.Type is not (JTokenType.String or JTokenType.Integer or JTokenType.Guid)) return null;
        var text = token.ToString().Trim();
        return text.Length is 0 or > MaxValueLength ? null : text;
    }

    /// <summary>Whether the clicked form is of this <see cref="FormVersion"/> (an older form is answered with "start again").</summary>
    public bool IsForm(string version) => Text(FormVersion.Key) == version;
}
