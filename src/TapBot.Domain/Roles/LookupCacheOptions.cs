using TapBot.Domain.Configuration;

namespace TapBot.Domain.Roles;

/// <summary>
/// How long answers that only show something may reuse a recent directory read. Bound from the <c>LookupCache</c> section.
/// Nothing that creates, deletes or approves a pass ever reads through it: those re-read the directory live.
/// </summary>
public sealed class LookupCacheOptions : ICheckedOptions
{
    public const string Section = "LookupCache";

    /// <value>
    /// Seconds a person's TapBot roles and the tenant's TAP policy are reused for views (the <c>policy</c> card, who may
    /// see others' status); 0 reads them every time. Default 30, at most 300: a removed role stops showing within that.
    /// </value>
    public int Seconds { get; set; } = 30;

    public IEnumerable<string> Problems()
    {
        if (Seconds is < 0 or > 300) yield return "LookupCache:Seconds must be 0..300 (0 turns the cache off).";
    }
}
