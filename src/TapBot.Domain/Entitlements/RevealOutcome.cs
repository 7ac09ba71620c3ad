using TapBot.Domain.Passes;

namespace TapBot.Domain.Entitlements;

/// <summary>The answer to a Show code click.</summary>
public abstract record RevealOutcome
{
    private RevealOutcome() { }

    /// <summary>The pass exists now; its code goes in the invoke response only, to the clicker.</summary>
    public sealed record Revealed(PassEntitlement Entitlement, IssuedPass Pass) : RevealOutcome;

    /// <summary>Already shown, expired or cancelled: the card for that state (never a code).</summary>
    public sealed record Closed(PassEntitlement Entitlement) : RevealOutcome;

    /// <summary>Not shown now (not the recipient, a rule refused, Graph refused); the entitlement stays as it was.</summary>
    public sealed record Refused(string Message) : RevealOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];
    }
}
