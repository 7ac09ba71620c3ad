using TapBot.Domain.Passes;
using TapBot.Domain.People;

namespace TapBot.Domain.Status;

/// <summary>The answer to "TAP status for X".</summary>
public abstract record StatusOutcome
{
    private StatusOutcome() { }

    /// <summary>The person was found; <paramref name="Pass"/> is null when they hold no TAP.</summary>
    public sealed record Found(Person Person, TemporaryAccessPass? Pass, DateTimeOffset CheckedAt) : StatusOutcome;

    /// <summary>Several people match; the requester must pick one.</summary>
    public sealed record Ambiguous(string Query, IReadOnlyList<Person> Candidates) : StatusOutcome;

    /// <summary>Nobody matches.</summary>
    public sealed record NotFound(string Query) : StatusOutcome;

    /// <summary>The request cannot be served; <paramref name="Message"/> says why in plain words.</summary>
    public sealed record Refused(string Message) : StatusOutcome;
}
