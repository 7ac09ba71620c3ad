using System.Text.RegularExpressions;

namespace TapBot.Domain.Issuance;

/// <summary>The reason or ticket number every issuance and request carries into the audit trail.</summary>
public static class ReasonRules
{
    public const int MaxLength = 200;

    /// <summary>
    /// How <see cref="IssuanceOptions.ReasonPattern"/> is read. ECMAScript semantics make <c>\d</c> mean [0-9] only
    /// (and <c>\w</c>, <c>\s</c> ASCII too): .NET's default <c>\d</c> also accepts Arabic-Indic, Devanagari or
    /// full-width digits, which would let "INC١٢٣٤٥٦" pass as a ticket number no ticket system knows.
    /// </summary>
    public const RegexOptions PatternOptions = RegexOptions.ECMAScript | RegexOptions.CultureInvariant;

    /// <summary>A pattern slower than this on a 200-character reason is a configuration mistake (catastrophic backtracking).</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Why the reason is not acceptable, or null when it is.</summary>
    /// <exception cref="RegexMatchTimeoutException">The configured pattern took too long: see <see cref="ReasonCheck"/>.</exception>
    public static string? Problem(string reason, IssuanceOptions o)
    {
        if (reason.Length == 0) return o.RequireReason ? Required : null;
        if (reason.Length > MaxLength) return TooLong;
        if (reason.Any(char.IsControl)) return NotPlain;
        if (o.ReasonPattern is { Length: > 0 } pattern && !Regex.IsMatch(reason, pattern, PatternOptions, PatternTimeout))
            return NotTheFormat;
        return null;
    }

    private const string Required = "Give a reason or ticket number: it goes into the audit trail.";
    private const string TooLong = "Keep the reason under 200 characters.";
    private const string NotPlain = "The reason must be plain text on one line.";
    private const string NotTheFormat = "The reason must be a ticket number in your organization's format.";

    /// <summary>The code (and its facts) of a problem <see cref="Problem"/> or <see cref="ReasonCheck"/> gave, for the host to word.</summary>
    public static (string? Code, object[] Args) CodeOf(string problem) => problem switch
    {
        Required => ("ReasonRequired", []),
        TooLong => ("ReasonTooLong", [MaxLength]),
        NotPlain => ("ReasonNotPlain", []),
        NotTheFormat => ("ReasonFormat", []),
        ReasonCheck.PatternTimedOut => ("ReasonPatternTimedOut", []),
        _ => (null, []),
    };

    /// <summary>A denial's reason: always required (the requester deserves to know why), plain text.</summary>
    public static Refusals.Refusal? DenialProblem(string note)
    {
        if (note.Length == 0) return new("DenialReasonRequired", [], "Give a reason for the denial: the requester sees it.");
        if (note.Length > MaxLength) return new("ReasonTooLong", [MaxLength], TooLong);
        return note.Any(char.IsControl) ? new("ReasonNotPlain", [], NotPlain) : null;
    }
}
