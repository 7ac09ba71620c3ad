using TapBot.Domain.Configuration;

namespace TapBot.Domain.Approvals;

/// <summary>How requests for a pass are approved. Bound from the <c>Approval</c> section.</summary>
public sealed class ApprovalOptions : ICheckedOptions
{
    public const string Section = "Approval";

    /// <value>Whether a person's manager (in the directory) may approve their request, and gets the card 1:1. Default true.</value>
    public bool AllowManager { get; set; } = true;

    /// <value>Minutes a request waits for a decision before it expires. Default 60.</value>
    public int ExpiresAfterMinutes { get; set; } = 60;

    /// <value>Minutes after which an undecided request is brought up again where it was sent (0: never). Default 30.</value>
    public int RemindAfterMinutes { get; set; } = 30;

    public IEnumerable<string> Problems()
    {
        if (ExpiresAfterMinutes is < 5 or > 10080) yield return "Approval:ExpiresAfterMinutes must be 5..10080.";
        if (RemindAfterMinutes < 0 || (RemindAfterMinutes > 0 && RemindAfterMinutes >= ExpiresAfterMinutes))
            yield return "Approval:RemindAfterMinutes must be 0 (no reminder) or less than Approval:ExpiresAfterMinutes.";
    }
}
