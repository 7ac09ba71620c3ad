namespace TapBot.Domain.Passes;

/// <summary>
/// What the directory says about a person's current Temporary Access Pass. It never holds the passcode:
/// Graph returns the code only once, at creation, and TapBot never keeps it.
/// </summary>
public sealed record TemporaryAccessPass(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartsAt,
    int LifetimeInMinutes,
    bool IsUsableOnce,
    bool IsUsable,
    string UsabilityReason)
{
    public DateTimeOffset ExpiresAt => StartsAt.AddMinutes(LifetimeInMinutes);

    /// <summary>Plain words for Graph's <c>methodUsabilityReason</c>.</summary>
    public string UsabilityInWords => UsabilityReason switch
    {
        "EnabledByPolicy" => "Usable now",
        "DisabledByPolicy" => "Not usable: the tenant's TAP policy is off or excludes this person",
        "Expired" => "Expired",
        "NotYetValid" => "Not yet valid (starts later)",
        "OneTimeUsed" => "Already used (one-time pass)",
        _ => UsabilityReason,
    };
}
