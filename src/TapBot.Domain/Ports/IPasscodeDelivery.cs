using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;

namespace TapBot.Domain.Ports;

/// <summary>Sends a passcode to one person, privately, in their 1:1 chat with TapBot. Implemented over Teams.</summary>
public interface IPasscodeDelivery
{
    /// <summary>True when TapBot knows the person's personal chat, so a code can reach them and nobody else.</summary>
    Task<bool> CanReachAsync(string personId, CancellationToken ct);

    /// <summary>
    /// True when a code can reach the person privately: their chat is known, or TapBot could open a 1:1 chat with them
    /// now (possible when TapBot is installed for them). Called before anything is created.
    /// </summary>
    Task<bool> EnsureReachableAsync(string personId, CancellationToken ct);

    /// <summary>Tells an account's owner that someone else received a pass for their account; false if they cannot be reached.</summary>
    Task<bool> NotifyOwnerAsync(OwnerNotice notice, CancellationToken ct);

    /// <summary>Posts the passcode card; throws <see cref="DeliveryFailedException"/> when it cannot.</summary>
    Task<DeliveryReceipt> DeliverAsync(string recipientId, Person target, IssuedPass pass, Requester issuer, CancellationToken ct);

    /// <summary>
    /// Rewrites a delivered passcode card without the code (revoked or expired); false when Teams did not take the
    /// update now (then the card still shows the code, and the redaction job tries again).
    /// </summary>
    Task<bool> RedactAsync(string recipientId, Requests.Delivery delivery, string why, CancellationToken ct);
}
