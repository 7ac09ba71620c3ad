using TapBot.Domain.People;

namespace TapBot.Domain.Entitlements;

public enum EntitlementState
{
    /// <summary>Approved; no pass exists yet. The recipient may press Show code.</summary>
    Ready,

    /// <summary>Show code was pressed: the pass is being created (its id is recorded as soon as Graph returns it).</summary>
    Revealing,

    /// <summary>The code was shown once, in the invoke response to the recipient's click.</summary>
    Shown,

    /// <summary>Nobody pressed Show code in time.</summary>
    Expired,

    /// <summary>Revoked (or withdrawn) before the code was shown.</summary>
    Cancelled,
}

/// <summary>Where the entitlement's card was posted in the recipient's 1:1 chat (never the code: the card has none).</summary>
public sealed record EntitlementCard(string ConversationId, string MessageId);

/// <summary>
/// An approved right to one Temporary Access Pass, created only when its recipient presses Show code. Nothing usable
/// exists until then, so nothing has to be redacted later: the code travels once, in the answer to that click. A state
/// machine like <see cref="Requests.AccessRequest"/>; <see cref="Version"/> is the storage's concurrency token.
/// </summary>
public sealed class PassEntitlement
{
    private PassEntitlement() { }

    public Guid Id { get; private init; }
    public string TenantId { get; private init; } = "";
    public string TargetId { get; private init; } = "";
    public string TargetUpn { get; private init; } = "";
    public string TargetName { get; private init; } = "";

    /// <summary>Who may press Show code (checked against the clicker's object id at the click).</summary>
    public string RecipientId { get; private init; } = "";

    /// <summary>Who approved it (the issuing approver, or the approver of a request): their roles are checked again at the reveal.</summary>
    public string ApproverId { get; private init; } = "";
    public string ApproverName { get; private init; } = "";

    /// <summary>The request this entitlement settles (direct issuances are requests too).</summary>
    public Guid? RequestId { get; private init; }
    public int LifetimeInMinutes { get; private init; }

    /// <summary>The scheduled start the approver chose, or null for "when shown".</summary>
    public DateTimeOffset? StartsAt { get; private init; }
    public bool IsUsableOnce { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>After this, Show code no longer works and the expiry job closes the entitlement.</summary>
    public DateTimeOffset RevealBy { get; private init; }

    public EntitlementState State { get; private set; }

    /// <summary>When the current reveal began; recovery judges a stuck reveal by it.</summary>
    public DateTimeOffset? RevealingSince { get; private set; }

    /// <summary>The pass this entitlement created (recorded before the code is answered): the only pass recovery may delete.</summary>
    public string? PassId { get; private set; }
    public DateTimeOffset? ShownAt { get; private set; }
    public DateTimeOffset? ValidFrom { get; private set; }
    public DateTimeOffset? ValidUntil { get; private set; }
    public EntitlementCard? Card { get; private set; }

    /// <summary>Why it was cancelled (revoked, the card could not be posted, …).</summary>
    public string? EndReason { get; private set; }
    public int Version { get; private set; }

    public bool IsForOwner => string.Equals(RecipientId, TargetId, StringComparison.OrdinalIgnoreCase);

    public static PassEntitlement Grant(string tenantId, Person target, string recipientId, Requester approver, Guid? requestId,
        int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, string reason, DateTimeOffset now, TimeSpan revealWithin)
    {
        if (lifetimeInMinutes is < 10 or > 43200) throw new EntitlementTransitionException("A pass lasts 10 to 43,200 minutes.");
        return new PassEntitlement
        {
            Id = Guid.NewGuid(), TenantId = tenantId, TargetId = target.Id, TargetUpn = target.UserPrincipalName, TargetName = target.DisplayName,
            RecipientId = recipientId, ApproverId = approver.ObjectId, ApproverName = approver.DisplayName, RequestId = requestId,
            LifetimeInMinutes = lifetimeInMinutes, StartsAt = startsAt, IsUsableOnce = isUsableOnce, Reason = reason, CreatedAt = now,
            // A scheduled pass may be shown any time before its start and up to revealWithin after it.
            RevealBy = (startsAt is { } s && s > now ? s : now) + revealWithin, State = EntitlementState.Ready,
        };
    }

    /// <summary>Rebuilds a stored entitlement (storage only).</summary>
    public static PassEntitlement Restore(Guid id, string tenantId, string targetId, string targetUpn, string targetName, string recipientId,
        string approverId, string approverName, Guid? requestId, int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, string reason,
        DateTimeOffset createdAt, DateTimeOffset revealBy, EntitlementState state, DateTimeOffset? revealingSince, string? passId,
        DateTimeOffset? shownAt, DateTimeOffset? validFrom, DateTimeOffset? validUntil, EntitlementCard? card, string? endReason, int version) => new()
    {
        Id = id, TenantId = tenantId, TargetId = targetId, TargetUpn = targetUpn, TargetName = targetName, RecipientId = recipientId,
        ApproverId = approverId, ApproverName = approverName, RequestId = requestId, LifetimeInMinutes = lifetimeInMinutes, StartsAt = startsAt,
        IsUsableOnce = isUsableOnce, Reason = reason, CreatedAt = createdAt, RevealBy = revealBy, State = state, RevealingSince = revealingSince,
        PassId = passId, ShownAt = shownAt, ValidFrom = validFrom, ValidUntil = validUntil, Card = card, EndReason = endReason, Version = version,
    };

    public bool IsRecipient(string objectId) => string.Equals(RecipientId, objectId, StringComparison.OrdinalIgnoreCase);

    public void MarkPosted(string conversationId, string messageId) => Card = new EntitlementCard(conversationId, messageId);

    /// <summary>The posted card was rewritten for the last time: nothing is left to rewrite.</summary>
    public void CardClosed() => Card = null;

    /// <summary>Show code was pressed in time: saved before Graph is called, so recovery can tell a live reveal from a stuck one.</summary>
    public void BeginReveal(DateTimeOffset now)
    {
        Require(EntitlementState.Ready);
        if (now >= RevealBy) throw new EntitlementTransitionException("The time to show this code has passed.");
        State = EntitlementState.Revealing;
        RevealingSince = now;
    }

    public void RecordPass(string passId, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        Require(EntitlementState.Revealing);
        PassId = passId;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    public void MarkShown(DateTimeOffset now)
    {
        Require(EntitlementState.Revealing);
        if (PassId is null) throw new EntitlementTransitionException("No pass was recorded, so nothing can be shown.");
        State = EntitlementState.Shown;
        ShownAt = now;
    }

    /// <summary>A reveal that did not finish (Graph refused, or a crash that recovery cleaned up): it may be shown again.</summary>
    public void ReturnToReady()
    {
        Require(EntitlementState.Revealing);
        State = EntitlementState.Ready;
        RevealingSince = null;
        PassId = null;
        ValidFrom = null;
        ValidUntil = null;
    }

    public void Expire(DateTimeOffset now)
    {
        Require(EntitlementState.Ready);
        if (now < RevealBy) throw new EntitlementTransitionException("This entitlement may still be shown.");
        State = EntitlementState.Expired;
    }

    public void Cancel(string reason)
    {
        Require(EntitlementState.Ready);
        State = EntitlementState.Cancelled;
        EndReason = reason;
    }

    /// <summary>Storage moved the concurrency token on after a successful save (storage only).</summary>
    public void MarkSaved(int newVersion) => Version = newVersion;

    private void Require(EntitlementState state)
    {
        if (State != state) throw new EntitlementTransitionException($"This pass is {State.ToString().ToLowerInvariant()}, not {state.ToString().ToLowerInvariant()}.");
    }
}

/// <summary>An illegal move of an entitlement; the message is fit to show a user.</summary>
public sealed class EntitlementTransitionException(string message) : Exception(message);

/// <summary>Someone else changed the entitlement since it was read (the concurrency token moved on).</summary>
public sealed class EntitlementChangedException(Guid id) : Exception($"Entitlement {id} was changed by someone else.")
{
    public Guid EntitlementId { get; } = id;
}
