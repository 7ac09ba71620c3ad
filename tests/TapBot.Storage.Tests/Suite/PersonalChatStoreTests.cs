using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>Personal chats on a real database (see <see cref="StorageTest{TDatabase}"/>).</summary>
public abstract class PersonalChatStoreTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private Task<T> InScopeAsync<T>(Func<IPersonalChats, Task<T>> work) => InScopeAsync<IPersonalChats, T>(work);

    private static PersonalChat Chat(string tenant, string person, string conversation, DateTimeOffset at) =>
        new(tenant, person, new ConversationAddress("msteams", "https://smba.trafficmanager.net/emea/", conversation, "28:bot"), at);

    [Fact]
    public async Task Remember_ThenFind_RoundTrips()
    {
        var at = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        await InScopeAsync(async s => { await s.RememberAsync(Chat("t1", "p1", "a:1", at), default); return 0; });

        var found = await InScopeAsync(s => s.FindAsync("t1", "p1", default));

        Assert.Equal(Chat("t1", "p1", "a:1", at), found);
    }

    [Fact]
    public async Task Remember_Again_UpdatesTheSameRow()
    {
        var at = DateTimeOffset.UnixEpoch;
        await InScopeAsync(async s => { await s.RememberAsync(Chat("t1", "p1", "a:old", at), default); return 0; });
        await InScopeAsync(async s => { await s.RememberAsync(Chat("t1", "p1", "a:new", at.AddDays(1)), default); return 0; });

        var found = await InScopeAsync(s => s.FindAsync("t1", "p1", default));

        Assert.Equal("a:new", found!.Address.ConversationId);
        Assert.Equal(at.AddDays(1), found.SeenAt);
    }

    [Fact]
    public async Task Find_IsPerTenantAndPerson()
    {
        await InScopeAsync(async s => { await s.RememberAsync(Chat("t1", "p1", "a:1", DateTimeOffset.UnixEpoch), default); return 0; });

        Assert.Null(await InScopeAsync(s => s.FindAsync("t2", "p1", default)));
        Assert.Null(await InScopeAsync(s => s.FindAsync("t1", "p2", default)));
    }

    [Fact]
    public async Task ConcurrentFirstWrites_ForOnePerson_LeaveOneRow()
    {
        var writes = Enumerable.Range(0, 8).Select(i => InScopeAsync(async s =>
        {
            await s.RememberAsync(Chat("t1", "p1", "a:" + i, DateTimeOffset.UnixEpoch), default);
            return 0;
        }));

        await Task.WhenAll(writes);

        Assert.NotNull(await InScopeAsync(s => s.FindAsync("t1", "p1", default)));
    }
}
