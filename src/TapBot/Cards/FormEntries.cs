using System.Globalization;
using System.Text.RegularExpressions;
using TapBot.Domain.Issuance;

namespace TapBot.Cards;

/// <summary>
/// What someone typed into a form that was refused, shown again in the same form with the refusal above the button,
/// so nothing has to be typed twice. Untrusted card data: only values the form could itself have produced are kept
/// (a lifetime it offers, a date and time in the input's format, a known recipient, a reason no longer than allowed).
/// </summary>
public sealed partial record FormEntries(string Problem)
{
    public string? Lifetime { get; init; }
    public bool? OneTime { get; init; }
    public string? StartDate { get; init; }
    public string? StartTime { get; init; }
    public RecipientKind? Recipient { get; init; }
    public string? Reason { get; init; }

    /// <summary>The values as the card sent them (<paramref name="field"/> reads one by id); a value the form would never send is dropped.</summary>
    public static FormEntries From(Func<string, string?> field, string problem) => new(problem)
    {
        Lifetime = field("lifetime") is { } l && int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? l : null,
        OneTime = field("oneTime") switch { "true" => true, "false" => false, _ => null },
        StartDate = field("startDate") is { } d && DateShape().IsMatch(d) ? d : null,
        StartTime = field("startTime") is { } t && TimeShape().IsMatch(t) ? t : null,
        Recipient = RecipientValues.Parse(field("recipient")),
        Reason = field("reason") is { } r ? r.Length <= ReasonRules.MaxLength ? r : r[..ReasonRules.MaxLength] : null,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^\d{2}:\d{2}(:\d{2})?$")]
    private static partial Regex TimeShape();
}
