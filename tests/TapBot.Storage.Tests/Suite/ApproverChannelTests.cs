using TapBot.Conversations;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>The approvers' channel: one per tenant, replaced when set again.</summary>
public abstract class ApproverChannelTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static ApproverChannel Channel(string conversation, string by) =>
        new("tenant", new ConversationAddress("msteams", "https://smba.trafficmanager.net/emea/", conversation, "28:bot"), "19:team", by, new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Set_Get_AndSetAgainReplaces()
    {
        await InScopeAsync<IApproverChannels, int>(async c => { await c.SetAsync(Channel("19:a", "megan"), default); return 0; });
        await InScopeAsync<IApproverChannels, int>(async c => { await c.SetAsync(Channel("19:b", "isaiah"), default); return 0; });

        var stored = await InScopeAsync<IApproverChannels, ApproverChannel?>(c => c.GetAsync("tenant", default));

        Assert.Equal(Channel("19:b", "isaiah"), stored);
        Assert.Null(await InScopeAsync<IApproverChannels, ApproverChannel?>(c => c.GetAsync("other", default)));
    }
}
