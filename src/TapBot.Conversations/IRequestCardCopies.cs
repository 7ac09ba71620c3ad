namespace TapBot.Conversations;

/// <summary>Every message that shows a request (approvers' and requester's copies), so all of them can be rewritten.</summary>
public interface IRequestCardCopies
{
    Task AddAsync(RequestCardCopy card, CancellationToken ct);

    Task<IReadOnlyList<RequestCardCopy>> ListAsync(Guid requestId, CancellationToken ct);
}

/// <summary>Whose copy a card is: it decides what the card shows (buttons for approvers, status for the requester).</summary>
public enum RequestCardRole
{
    Requester,
    Manager,
    ApproversChannel,
}

/// <summary>One posted message about a request, and how to reach it again.</summary>
public sealed record RequestCardCopy(
    Guid RequestId,
    RequestCardRole Role,
    string? PersonId,
    ConversationAddress Address,
    string MessageId);
