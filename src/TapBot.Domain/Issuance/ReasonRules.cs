using System.Text.RegularExpressions;

namespace TapBot.Domain.Issuance;

/// <summary>The reason or ticket number every issuance and request carries into the audit trail.</summary>
public static class ReasonRules
{
    public const int MaxLength = 200;

    /// <summary>Why the reason is not acceptable, or null when it is.</summary>
    public static string? Problem(string reason, IssuanceOptions o)
    {
        if (reason.Length == 0) return o.RequireReason ? "Give a reason or ticket number: it goes into the audit trail." : null;
        if (reason.Length > MaxLength) return $"Keep the reason under {MaxLength} characters.";
        if (reason.Any(char.IsControl)) return "The reason must be plain text on one line.";
        if (o.ReasonPattern is { Length: > 0 } pattern && !Regex.IsMatch(reason, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            return "The reason must be a ticket number in your organization's format.";
        return null;
    }

    /// <summary>A denial's reason: always required (the requester deserves to know why), plain text.</summary>
    public static string? DenialProblem(string note)
    {
        if (note.Length == 0) return "Give a reason for the denial: the requester sees it.";
        if (note.Length > MaxLength) return $"Keep the reason under {MaxLength} characters.";
        return note.Any(char.IsControl) ? "The reason must be plain text on one line." : null;
    }
}
