namespace TapBot.Domain.Issuance;

/// <summary>TapBot's own limits on issuing, inside the tenant policy. Bound from the <c>Issuance</c> section.</summary>
public sealed class IssuanceOptions
{
    public const string Section = "Issuance";

    /// <value>Longest pass TapBot issues, in minutes, even when the policy allows longer. Default 480 (8 hours).</value>
    public int MaxLifetimeInMinutes { get; set; } = 480;

    /// <value>Whether a reason or ticket number is required. Default true.</value>
    public bool RequireReason { get; set; } = true;

    /// <value>Optional regular expression the reason must match (e.g. <c>^INC\d{6}$</c> for ticket numbers). Default none.</value>
    public string? ReasonPattern { get; set; }

    /// <value>
    /// Seconds after which an issuance still between approval and delivery counts as interrupted (a crash) and is
    /// cleaned up: its pass is deleted, since its code reached nobody. Default 300.
    /// </value>
    public int RecoverAfterSeconds { get; set; } = 300;

    public IEnumerable<string> Problems()
    {
        if (RecoverAfterSeconds is < 1 or > 86400) yield return "Issuance:RecoverAfterSeconds must be 1..86400.";
        if (MaxLifetimeInMinutes is < 10 or > 43200) yield return "Issuance:MaxLifetimeInMinutes must be 10..43200.";
        if (ReasonPattern is { Length: > 0 } pattern)
        {
            string? problem = null;
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                problem = $"Issuance:ReasonPattern is not a valid regular expression: {e.Message}";
            }

            if (problem is not null) yield return problem;
        }
    }
}
