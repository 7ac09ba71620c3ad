using System.Globalization;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.Domain.Telemetry;

namespace TapBot.Domain.Issuance;

/// <summary>
/// The last step of every issuance, direct or approved: create the pass, deliver its code privately, delete the pass
/// again if delivery fails, tell the account's owner, and audit each step. The request must already be approved and
/// saved (that save is what makes a second click lose); the code lives only in memory between Graph and Teams.
/// </summary>
public sealed class PassIssuer(
    ITemporaryAccessPasses passes,
    IRequestStore requests,
    IAuditTrail audit,
    IPasscodeDelivery delivery,
    IOptions<IssuanceOptions> options,
    TimeProvider time)
{
    /// <param name="issuer">Who approved it: named on the passcode card and in the owner's notice.</param>
    /// <param name="recipient">Who receives the code (the owner, their manager, or the issuer).</param>
    /// <remarks>
    /// Each step is saved against the request's version: if recovery judged this issuance stuck and took the request
    /// over meanwhile, the next save fails, and this issuer takes back its own pass (and card) and says so.
    /// </remarks>
    public async Task<IssueOutcome> CreateAndDeliverAsync(AccessRequest request, Person target, Person recipient, Requester issuer, CancellationToken ct)
    {
        var kind = request.Kind.ToString();
        request.BeginIssuing(time.GetUtcNow());
        if (!await SavedAsync(request, ct)) return await TakenOverAsync(request, issuer, null, null, ct);

        IssuedPass issued;
        try
        {
            issued = await passes.CreateAsync(target.Id, request.LifetimeInMinutes, request.StartsAt, request.IsUsableOnce, ct);
        }
        catch (EntraException e)
        {
            request.MarkFailed($"Graph refused: {e.GraphCode ?? e.Failure.ToString()}");
            await SavedAsync(request, ct); // failed either way; recovery may have said so first
            await AuditAsync(AuditKinds.IssueFailed, issuer, request, ct, ("graph", e.GraphMessage ?? e.Failure.ToString()));
            Count("graph_refused", kind);
            return new IssueOutcome.Refused(GraphRefusal(e));
        }

        request.MarkIssued(issued.Pass.Id, issued.Pass.ExpiresAt);
        if (!await SavedAsync(request, ct)) return await TakenOverAsync(request, issuer, issued, null, ct);
        await AuditAsync(AuditKinds.Issued, issuer, request, ct, ("expires", issued.Pass.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)));

        DeliveryReceipt receipt;
        try
        {
            receipt = await delivery.DeliverAsync(recipient.Id, target, issued, issuer, ct);
        }
        catch (DeliveryFailedException e)
        {
            // The code reached nobody: take the pass back so no usable code exists outside the recipient's chat.
            await passes.DeleteAsync(target.Id, issued.Pass.Id, ct);
            request.MarkFailed("delivery failed");
            await SavedAsync(request, ct); // failed either way; recovery may have said so first
            await AuditAsync(AuditKinds.IssueFailed, issuer, request, ct, ("delivery", e.Message));
            Count("delivery_failed", kind);
            return new IssueOutcome.Refused(Refusals.Refuse.NotDelivered(recipient));
        }

        request.MarkDelivered(receipt.ConversationId, receipt.MessageId, time.GetUtcNow());
        if (!await SavedAsync(request, ct)) return await TakenOverAsync(request, issuer, issued, receipt, ct);
        await AuditAsync(AuditKinds.Delivered, issuer, request, ct);

        Count("issued", kind);
        await NotifyOwnerAsync(request, target, recipient, issuer, issued, ct);
        return new IssueOutcome.Issued(request, target, issuer.DisplayName) { Recipient = recipient };
    }

    /// <summary>Saves a step; false when someone else (recovery) saved the request first.</summary>
    private async Task<bool> SavedAsync(AccessRequest request, CancellationToken ct)
    {
        try
        {
            await requests.SaveAsync(request, ct);
            return true;
        }
        catch (RequestChangedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Recovery took this request over while this issuer was still at work (a call ran longer than
    /// <see cref="IssuanceOptions.RecoverAfterSeconds"/>): the request is failed already, so this issuer deletes the
    /// pass it created and rewrites the card it delivered, leaving no live pass behind.
    /// </summary>
    private async Task<IssueOutcome> TakenOverAsync(AccessRequest request, Requester issuer, IssuedPass? issued, DeliveryReceipt? receipt, CancellationToken ct)
    {
        if (issued is not null) await passes.DeleteAsync(request.TargetId, issued.Pass.Id, ct);
        if (receipt is not null) await delivery.RedactAsync(request.RecipientId, new Delivery(receipt.ConversationId, receipt.MessageId, time.GetUtcNow()), "withdrawn", ct);
        await AuditAsync(AuditKinds.IssueFailed, issuer, request, ct, ("takenOverByRecovery", issued?.Pass.Id ?? "before a pass was created"));
        Count("taken_over", request.Kind.ToString());
        return new IssueOutcome.Refused(
            $"Issuing took longer than {options.Value.RecoverAfterSeconds} seconds, so TapBot gave it up: " +
            (issued is null ? "no pass was created." : "the pass was deleted again and its code no longer works.") +
            " Nothing usable is left behind. Please try again.");
    }

    /// <summary>
    /// The owner learns that a pass exists for their account, unless they received the code themselves (that card says
    /// who issued it). Best effort: the pass is already delivered; a missed notice is audited, not undone.
    /// </summary>
    private async Task NotifyOwnerAsync(AccessRequest request, Person target, Person recipient, Requester issuer, IssuedPass issued, CancellationToken ct)
    {
        if (!options.Value.NotifyTarget || recipient.Id == target.Id) return;
        var notice = new OwnerNotice(target, issuer.DisplayName, recipient.DisplayName, time.GetUtcNow(), issued.Pass.StartsAt, issued.Pass.ExpiresAt,
            options.Value.SecurityContact);
        var sent = await delivery.NotifyOwnerAsync(notice, ct);
        await AuditAsync(sent ? AuditKinds.OwnerNotified : AuditKinds.OwnerNotNotified, issuer, request, ct);
    }

    public static Refusals.Refusal GraphRefusal(EntraException e) => e.Failure switch
    {
        EntraFailure.Throttled => Refusals.Refuse.GraphThrottled(),
        EntraFailure.Unavailable => Refusals.Refuse.GraphUnavailable(),
        EntraFailure.AccessDenied => Refusals.Refuse.GraphAccessDenied(),
        _ when e.GraphMessage?.StartsWith("Invalid LifetimeInMinutes", StringComparison.Ordinal) == true => Refusals.Refuse.GraphLifetime(e.GraphMessage),
        _ when e.GraphMessage?.Contains("Converged UserCredentialPolicy", StringComparison.Ordinal) == true => Refusals.Refuse.GraphPolicy(),
        _ => Refusals.Refuse.GraphRefused(),
    };

    private static void Count(string outcome, string kind) =>
        TapBotTelemetry.Issuances.Add(1, TapBotTelemetry.Tag("outcome", outcome), TapBotTelemetry.Tag("kind", kind));

    private Task AuditAsync(string kind, Requester actor, AccessRequest request, CancellationToken ct, params (string Key, string Value)[] extra) =>
        audit.AppendAsync(Audit(kind, actor.ObjectId, request, extra), ct);

    /// <summary>The audit entry for a step of a request: ids, times, lifetime, recipient, reason; never the code.</summary>
    public static AuditEntry Audit(string kind, string actorId, AccessRequest request, params (string Key, string Value)[] extra) =>
        AuditEntry.Of(kind, actorId, request.TargetId,
        [
            ("request", request.Id.ToString()), ("kind", request.Kind.ToString()), ("recipient", request.RecipientId),
            ("lifetimeMinutes", request.LifetimeInMinutes.ToString(CultureInfo.InvariantCulture)), ("oneTime", request.IsUsableOnce ? "yes" : "no"),
            ("starts", request.StartsAt?.ToString("O", CultureInfo.InvariantCulture) ?? "now"), ("reason", request.Reason), .. extra,
        ]);
}

/// <summary>What the account's owner is told when someone else received their pass's code.</summary>
public sealed record OwnerNotice(
    Person Owner,
    string IssuerName,
    string RecipientName,
    DateTimeOffset IssuedAt,
    DateTimeOffset StartsAt,
    DateTimeOffset ExpiresAt,
    string SecurityContact);
