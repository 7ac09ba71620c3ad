using TapBot.Domain.Configuration;

namespace TapBot.Domain.Issuance;

/// <summary>TapBot's own limits on issuing, inside the tenant policy. Bound from the <c>Issuance</c> section.</summary>
public sealed class IssuanceOptions : ICheckedOptions
{
    public const string Section = "Issuance";

    /// <value>Longest pass TapBot issues, in minutes, even when the policy allows longer. Default 480 (8 hours).</value>
    public int MaxLifetimeInMinutes { get; set; } = 480;

    /// <value>Whether a reason or ticket number is required. Default true.</value>
    public bool RequireReason { get; set; } = true;

    /// <value>
    /// Optional regular expression the reason must match (e.g. <c>^INC\d{6}$</c> for ticket numbers), read with
    /// ECMAScript semantics so <c>\d</c> is an ASCII digit (see <see cref="ReasonRules.PatternOptions"/>). Default none.
    /// </value>
    public string? ReasonPattern { get; set; }

    /// <value>
    /// Seconds after the issuing step began (create the pass, deliver its code) after which an issuance still not
    /// delivered counts as interrupted (a crash, a call that never returned) and is cleaned up: the request is failed and
    /// the pass it recorded is deleted, since its code reached nobody. Default 300.
    /// </value>
    public int RecoverAfterSeconds { get; set; } = 300;

    /// <value>
    /// Who may receive the code: <c>Person</c> (the account's owner), <c>Manager</c> (their manager in the directory),
    /// <c>Requester</c> (the approver issuing it, e.g. to read it out on a verified call). Default (unset): all three.
    /// Null rather than a list with defaults, because the configuration binder appends to a list it finds filled.
    /// </value>
    public List<RecipientKind>? AllowedRecipients { get; set; }

    /// <summary>The recipient kinds allowed, in the order the form offers them.</summary>
    public IReadOnlyList<RecipientKind> Recipients => AllowedRecipients is { Count: > 0 } allowed
        ? Enum.GetValues<RecipientKind>().Where(allowed.Contains).ToList()
        : Enum.GetValues<RecipientKind>();

    /// <value>Longest delay, in days, between issuing and a pass's start. Default 30.</value>
    public int MaxStartDelayDays { get; set; } = 30;

    /// <value>
    /// Whether the account's owner is told, in their chat with TapBot, that a pass was issued for them (by whom, when,
    /// delivered to whom). Default true.
    /// </value>
    public bool NotifyTarget { get; set; } = true;

    /// <value>Who to contact when a pass was not expected, named in the notice. Default "your IT security team".</value>
    public string SecurityContact { get; set; } = "your IT security team";

    /// <value>
    /// How the code reaches its recipient: <c>RevealOnDemand</c> (default) posts a card without a code, and the pass is
    /// created only when the recipient presses Show code, the code answering that click alone; <c>InCard</c> creates the
    /// pass at approval and posts the code in the card (redacted later by the redaction job).
    /// </value>
    public PasscodeDelivery Delivery { get; set; } = PasscodeDelivery.RevealOnDemand;

    /// <value>
    /// Hours the recipient has to press Show code, counted from the approval, or from the scheduled start when one was
    /// chosen (Show code works any time before it). Unshown entitlements then expire. Default 24.
    /// </value>
    public int RevealWithinHours { get; set; } = 24;

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Delivery)) yield return "Issuance:Delivery must be RevealOnDemand or InCard.";
        if (RevealWithinHours is < 1 or > 720) yield return "Issuance:RevealWithinHours must be 1..720.";
        if (MaxStartDelayDays is < 0 or > 365) yield return "Issuance:MaxStartDelayDays must be 0..365.";
        if (string.IsNullOrWhiteSpace(SecurityContact) || SecurityContact.Length > 200) yield return "Issuance:SecurityContact must be 1..200 characters.";
        if (RecoverAfterSeconds is < 1 or > 86400) yield return "Issuance:RecoverAfterSeconds must be 1..86400.";
        if (MaxLifetimeInMinutes is < 10 or > 43200) yield return "Issuance:MaxLifetimeInMinutes must be 10..43200.";
        if (ReasonPattern is { Length: > 0 } pattern)
        {
            string? problem = null;
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, ReasonRules.PatternOptions, ReasonRules.PatternTimeout);
            }
            catch (ArgumentException e)
            {
                problem = $"Issuance:ReasonPattern is not a valid regular expression with ECMAScript semantics (\\d means 0-9): {e.Message}";
            }

            if (problem is not null) yield return problem;
        }
    }
}

/// <summary>How a passcode reaches its recipient (<see cref="IssuanceOptions.Delivery"/>).</summary>
public enum PasscodeDelivery
{
    /// <summary>A card without a code; the pass is created when the recipient presses Show code.</summary>
    RevealOnDemand,

    /// <summary>The pass is created at approval and its code posted in the card, redacted later.</summary>
    InCard,
}
