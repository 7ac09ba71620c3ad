using TapBot.Domain.Passes;
using TapBot.Domain.People;

namespace TapBot.Domain.Status;

/// <summary>The answer to "TAP status for X".</summary>
public abstract record StatusOutcome
{
    private StatusOutcome() { }

    /// <summary>The person was found; <paramref name="Pass"/> is null when they hold no TAP.</summary>
    public sealed record Found(Person Person, TemporaryAccessPass? Pass, DateTimeOffset CheckedAt) : StatusOutcome
    {
        /// <summary>A pass approved for the person but not shown yet (reveal on demand): no pass exists for it in Entra.</summary>
        public Entitlements.PassEntitlement? Unshown { get; init; }
    }

    /// <summary>The name picks nobody, or several people: answered the same way by every command.</summary>
    public sealed record Unresolved(PersonLookup.Miss Lookup) : StatusOutcome;

    /// <summary>The request cannot be served; <paramref name="Message"/> says why in plain words.</summary>
    public sealed record Refused(string Message) : StatusOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];
    }
}
