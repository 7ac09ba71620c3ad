using TapBot.Domain.Approvals;

namespace TapBot.Domain.Ports;

/// <summary>
/// The cards about a request in Teams: the approval card sent to the manager (1:1) and the approvers' channel, and
/// the requester's own card. Every copy is remembered so that each one can be rewritten when the request changes.
/// </summary>
public interface IApprovalCards
{
    /// <summary>Posts the approval card where <paramref name="view"/>'s routing says; returns how many copies were posted.</summary>
    Task<int> PostAsync(ApprovalView view, CancellationToken ct);

    /// <summary>Rewrites every remembered copy (approvers' and requester's) to show the request as it is now.</summary>
    Task UpdateAllAsync(ApprovalView view, CancellationToken ct);

    /// <summary>Brings an undecided request up again where its approval card went.</summary>
    Task RemindAsync(ApprovalView view, CancellationToken ct);
}
