using Microsoft.EntityFrameworkCore;
using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary><see cref="IPersonalChats"/> on EF Core.</summary>
internal sealed class EfPersonalChats(TapDbContext db) : IPersonalChats
{
    public async Task RememberAsync(PersonalChat chat, CancellationToken ct)
    {
        var row = await db.PersonalChats.FindAsync([chat.TenantId, chat.PersonId], ct);
        if (row is null)
        {
            row = new PersonalChatRecord { TenantId = chat.TenantId, PersonId = chat.PersonId };
            db.PersonalChats.Add(row);
        }

        row.Address.Set(chat.Address);
        row.SeenAt = chat.SeenAt;
        row.UserId = chat.UserId ?? row.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Another turn (or instance) recorded the same person first; theirs is as fresh as ours.
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<PersonalChat?> FindAsync(string tenantId, string personId, CancellationToken ct)
    {
        var row = await db.PersonalChats.AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId && c.PersonId == personId, ct);
        return row is null ? null : ToChat(row);
    }

    public async Task<PersonalChat?> FindLatestAsync(string tenantId, CancellationToken ct)
    {
        var row = await db.PersonalChats.AsNoTracking().Where(c => c.TenantId == tenantId).OrderByDescending(c => c.SeenAt).FirstOrDefaultAsync(ct);
        return row is null ? null : ToChat(row);
    }

    public async Task<IReadOnlyList<PersonalChat>> FindManyAsync(string tenantId, IReadOnlyCollection<string> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var ids = personIds.ToList();
        var rows = await db.PersonalChats.AsNoTracking().Where(c => c.TenantId == tenantId && ids.Contains(c.PersonId)).ToListAsync(ct);
        return rows.Select(ToChat).ToList();
    }

    private static PersonalChat ToChat(PersonalChatRecord row) =>
        new(row.TenantId, row.PersonId, row.Address.ToAddress(), row.SeenAt, row.UserId);
}
