using Microsoft.EntityFrameworkCore;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Row of <c>sent_cards</c>.</summary>
internal sealed class SentCardRecord
{
    public string ConversationId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public string Flow { get; set; } = "";
    public long SentAtUtcTicks { get; set; }
}

/// <summary><see cref="ISentCards"/> on EF Core.</summary>
internal sealed class EfSentCards(TapDbContext db) : ISentCards
{
    public async Task RememberAsync(SentCard card, CancellationToken ct)
    {
        db.SentCards.Add(new SentCardRecord
        {
            ConversationId = card.ConversationId, MessageId = card.MessageId, Flow = card.Flow.ToString(), SentAtUtcTicks = card.SentAt.UtcTicks,
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

    public async Task<CardFlow?> FlowOfAsync(string conversationId, string messageId, CancellationToken ct)
    {
        var flow = await db.SentCards.AsNoTracking()
            .Where(c => c.ConversationId == conversationId && c.MessageId == messageId).Select(c => c.Flow).FirstOrDefaultAsync(ct);
        return Enum.TryParse<CardFlow>(flow, out var known) ? known : null;
    }
}
