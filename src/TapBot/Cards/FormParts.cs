using System.Text.Json.Nodes;
using TapBot.Domain.Issuance;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>Pieces the issue form and the request form share: the reason box, the warnings, and a kept refusal.</summary>
public static class FormParts
{
    /// <summary>The reason box; required unless <c>Issuance:RequireReason</c> is false. A kept reason is a value, never markdown.</summary>
    public static JsonObject ReasonInput(string label, bool required, string? placeholder, FormEntries? kept)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = "reason", ["label"] = required ? label : Texts.Get("Form.Optional", label), ["isRequired"] = required,
            ["maxLength"] = ReasonRules.MaxLength,
        };
        if (required) input["errorMessage"] = Texts.Get("Form.ReasonRequired");
        if (placeholder is not null) input["placeholder"] = placeholder;
        if (kept?.Reason is { Length: > 0 } reason) input["value"] = reason;
        return input;
    }

    /// <summary>Why the last submit was refused, just above the button; the words say it, the colour only repeats it.</summary>
    public static JsonObject? KeptProblem(FormEntries? kept) =>
        kept is null ? null : Text(Texts.Get("Form.NotSentYet", CardText.Defuse(kept.Problem)), color: "Attention", spacing: "Medium");

    /// <summary>A form's warning in the reader's words; its time in the reader's zone (not raw UTC).</summary>
    public static JsonObject Warning(FormWarning warning)
    {
        var name = CardText.Escape(warning.PersonName);
        var until = warning.Until is { } at ? When(at) : "";
        var words = warning.Kind switch
        {
            FormWarningKind.UsablePass => Texts.Get("Warning.UsablePass", name, until),
            FormWarningKind.Guest => Texts.Get("Warning.Guest", name),
            FormWarningKind.NoChat => Texts.Get("Warning.NoChat", name),
            _ => Texts.Get("Warning.PendingRequest", until),
        };
        return Text(Texts.Get("Form.Note", words), color: "Warning");
    }
}
