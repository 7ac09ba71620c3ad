using Microsoft.EntityFrameworkCore;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>request_cards</c>.</summary>
internal sealed class RequestCardRecord
{
    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public string Role { get; set; } = "";
    public string? PersonId { get; set; }
    public ConversationAddressRecord Address { get; set; } = new();
    public string MessageId { get; set; } = "";
}

/// <summary><see cref="IRequestCardCopies"/> on EF Core.</summary>
internal sealed class EfRequestCardCopies(TapDbContext db) : IRequestCardCopies
{
    public async Task AddAsync(RequestCardCopy card, CancellationToken ct)
    {
        db.RequestCards.Add(new RequestCardRecord
        {
            RequestId = card.RequestId, Role = card.Role.ToString(), PersonId = card.PersonId,
            Address = ConversationAddressRecord.From(card.Address),
            MessageId = card.MessageId,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<RequestCardCopy>> ListAsync(Guid requestId, CancellationToken ct)
    {
        var rows = await db.RequestCards.AsNoTracking().Where(c => c.RequestId == requestId).OrderBy(c => c.Id).ToListAsync(ct);
        return rows.Select(r => new RequestCardCopy(r.RequestId, Enum.Parse<RequestCardRole>(r.Role), r.PersonId, r.Address.ToAddress(), r.MessageId)).ToList();
    }
}
