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
    public sealed record Refused(string Message) : RevealOutcome;
}
