namespace TapBot.Domain.Requests;

public enum RequestKind
{
    /// <summary>An approver issues directly ("issue TAP for X"): approved by its own requester's role.</summary>
    DirectIssuance,

    /// <summary>An employee asks for recovery help for themselves.</summary>
    Recovery,

    /// <summary>A helpdesk operator asks on someone's behalf.</summary>
    OnBehalf,
}

public enum RequestStatus
{
    Pending,
    Approved,
    Denied,
    Expired,
    Issued,
    Delivered,
    Failed,
    Revoked,

    /// <summary>Approved in reveal-on-demand mode: a pass entitlement took over; the pass is created when its code is shown.</summary>
    Entitled,
}

/// <summary>Who decided, when, how, and why.</summary>
public sealed record Decision(string DeciderId, bool Approved, DateTimeOffset At, string? Note);

/// <summary>Where the passcode card went, so it can be redacted later (never the code itself).</summary>
public sealed record Delivery(string ConversationId, string MessageId, DateTimeOffset At, DateTimeOffset? RedactedAt = null);

/// <summary>
/// A request for a Temporary Access Pass, from asking to delivery, as a state machine: every change goes through a
/// transition method that refuses an illegal move. <see cref="Version"/> is the storage's concurrency token, so of
/// two decisions taken at once only the first to be saved counts.
/// </summary>
public sealed class AccessRequest
{
    private AccessRequest() { }

    public Guid Id { get; private init; }
    public RequestKind Kind { get; private init; }
    public string TenantId { get; private init; } = "";
    public string RequesterId { get; private init; } = "";
    public string TargetId { get; private init; } = "";
    public string RecipientId { get; private init; } = "";
    public int LifetimeInMinutes { get; private init; }
    public DateTimeOffset? StartsAt { get; private init; }
    public bool IsUsableOnce { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>
    /// What started this request (the card message that was clicked), so a repeated click or a retried invoke
    /// finds the same request instead of creating a second one. Unique in storage.
    /// </summary>
    public string? SourceKey { get; private init; }

    /// <summary>When a pending request lapses undecided.</summary>
    public DateTimeOffset DecideBy { get; private init; }

    public RequestStatus Status { get; private set; }
    public Decision? Decision { get; private set; }
    /// <summary>
    /// When the issuing step (create the pass, deliver its code) began. Recovery judges an issuance stuck by this, not by
    /// when the request was made: an approval can come long after the request.
    /// </summary>
    public DateTimeOffset? IssuingSince { get; private set; }

    /// <summary>The id Graph returned for the pass this request created (never the code): the only pass recovery may delete.</summary>
    public string? PassId { get; private set; }
    public DateTimeOffset? PassExpiresAt { get; private set; }
    public Delivery? Delivery { get; private set; }
    public string? FailureReason { get; private set; }

    /// <summary>When approvers were reminded of this undecided request (once at most).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public int Version { get; private set; }

    public static AccessRequest Create(RequestKind kind, string tenantId, string requesterId, string targetId, string recipientId,
        int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, string reason, DateTimeOffset now, TimeSpan decideWithin,
        string? sourceKey = null)
    {
        if (lifetimeInMinutes is < 10 or > 43200) throw new RequestTransitionException("A pass lasts 10 to 43,200 minutes.");
        return new AccessRequest
        {
            Id = Guid.NewGuid(), Kind = kind, TenantId = tenantId, RequesterId = requesterId, TargetId = targetId,
            RecipientId = recipientId, LifetimeInMinutes = lifetimeInMinutes, StartsAt = startsAt, IsUsableOnce = isUsableOnce,
            Reason = reason, CreatedAt = now, DecideBy = now + decideWithin, Status = RequestStatus.Pending, SourceKey = sourceKey,
        };
    }

    /// <summary>Rebuilds a stored request (storage only).</summary>
    public static AccessRequest Restore(Guid id, RequestKind kind, string tenantId, string requesterId, string targetId, string recipientId,
        int lifetimeInMinutes, DateTimeOffset? startsAt, bool isUsableOnce, string reason, DateTimeOffset createdAt, DateTimeOffset decideBy,
        RequestStatus status, Decision? decision, string? passId, DateTimeOffset? passExpiresAt, Delivery? delivery, string? failureReason, int version,
        string? sourceKey = null, DateTimeOffset? remindedAt = null, DateTimeOffset? issuingSince = null) =>
        new()
        {
            SourceKey = sourceKey, RemindedAt = remindedAt, IssuingSince = issuingSince,
            Id = id, Kind = kind, TenantId = tenantId, RequesterId = requesterId, TargetId = targetId, RecipientId = recipientId,
            LifetimeInMinutes = lifetimeInMinutes, StartsAt = startsAt, IsUsableOnce = isUsableOnce, Reason = reason,
            CreatedAt = createdAt, DecideBy = decideBy, Status = status, Decision = decision, PassId = passId,
            PassExpiresAt = passExpiresAt, Delivery = delivery, FailureReason = failureReason, Version = version,
        };

    /// <summary>
    /// Approves or denies. Nobody decides a request they made or one that targets them; a decided or lapsed
    /// request stays as it is.
    /// </summary>
    public void Decide(string deciderId, bool approve, DateTimeOffset now, string? note = null)
    {
        if (Same(deciderId, RequesterId)) throw new RequestTransitionException("Nobody may decide a request they made.");
        if (Same(deciderId, TargetId)) throw new RequestTransitionException("Nobody may decide a request for their own account.");
        RequirePending(now);
        Decision = new Decision(deciderId, approve, now, note);
        Status = approve ? RequestStatus.Approved : RequestStatus.Denied;
    }

    /// <summary>A direct issuance is approved by its requester's role at the moment of asking.</summary>
    public void ApproveAsIssuer(DateTimeOffset now)
    {
        if (Kind != RequestKind.DirectIssuance) throw new RequestTransitionException("Only a direct issuance approves itself.");
        if (Same(RequesterId, TargetId)) throw new RequestTransitionException("Nobody may issue a pass for their own account.");
        RequirePending(now);
        Decision = new Decision(RequesterId, true, now, "issued directly");
        Status = RequestStatus.Approved;
    }

    public void Expire(DateTimeOffset now)
    {
        if (Status != RequestStatus.Pending || now < DecideBy) throw new RequestTransitionException("Only a pending request past its deadline expires.");
        Status = RequestStatus.Expired;
    }

    /// <summary>Approvers were reminded once; a request is reminded at most once, while pending.</summary>
    public void MarkReminded(DateTimeOffset now)
    {
        if (Status != RequestStatus.Pending || RemindedAt is not null) throw new RequestTransitionException("Only a pending request is reminded, once.");
        RemindedAt = now;
    }

    /// <summary>The issuer starts creating the pass; saved before Graph is called, so recovery can tell a live issuance from a stuck one.</summary>
    public void BeginIssuing(DateTimeOffset now)
    {
        Require(RequestStatus.Approved);
        if (IssuingSince is not null) throw new RequestTransitionException("This request is already being issued.");
        IssuingSince = now;
    }

    /// <summary>The approval became a pass entitlement (reveal on demand): no pass exists, so recovery has nothing to clean up here.</summary>
    public void MarkEntitled()
    {
        Require(RequestStatus.Approved);
        if (IssuingSince is not null) throw new RequestTransitionException("This request is already being issued.");
        Status = RequestStatus.Entitled;
    }

    public void MarkIssued(string passId, DateTimeOffset passExpiresAt)
    {
        Require(RequestStatus.Approved);
        PassId = passId;
        PassExpiresAt = passExpiresAt;
        Status = RequestStatus.Issued;
    }

    public void MarkDelivered(string conversationId, string messageId, DateTimeOffset now)
    {
        Require(RequestStatus.Issued);
        Delivery = new Delivery(conversationId, messageId, now);
        Status = RequestStatus.Delivered;
    }

    /// <summary>Issuing failed after approval, or a pending request could reach no approver at all.</summary>
    public void MarkFailed(string reason)
    {
        if (Status is not (RequestStatus.Pending or RequestStatus.Approved or RequestStatus.Issued)) throw new RequestTransitionException($"A {Status} request cannot fail.");
        FailureReason = reason;
        Status = RequestStatus.Failed;
    }

    public void MarkRevoked()
    {
        if (Status is not (RequestStatus.Issued or RequestStatus.Delivered)) throw new RequestTransitionException($"A {Status} request has no pass to revoke.");
        Status = RequestStatus.Revoked;
    }

    public void MarkRedacted(DateTimeOffset now)
    {
        if (Delivery is null) throw new RequestTransitionException("Nothing was delivered, so nothing can be redacted.");
        Delivery = Delivery with { RedactedAt = now };
    }

    /// <summary>Storage moved the concurrency token on after a successful save (storage only).</summary>
    public void MarkSaved(int newVersion) => Version = newVersion;

    private void RequirePending(DateTimeOffset now)
    {
        if (Status != RequestStatus.Pending) throw new RequestTransitionException($"This request is already {Status.ToString().ToLowerInvariant()}.");
        if (now >= DecideBy) throw new RequestTransitionException("This request has expired.");
    }

    private void Require(RequestStatus status)
    {
        if (Status != status) throw new RequestTransitionException($"Expected a {status} request, not a {Status} one.");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An illegal move of a request; the message is fit to show a user.</summary>
public sealed class RequestTransitionException(string message) : Exception(message);

/// <summary>A request from the same source (the same clicked card) exists already.</summary>
public sealed class DuplicateRequestException(string sourceKey) : Exception("A request from this card exists already.")
{
    public string SourceKey { get; } = sourceKey;
}

/// <summary>Someone else changed the request since it was read (the concurrency token moved on).</summary>
public sealed class RequestChangedException(Guid id) : Exception($"Request {id} was changed by someone else.")
{
    public Guid RequestId { get; } = id;
}
