using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>Job leases between two instances sharing one database.</summary>
public abstract class JobLeaseTests<TDatabase> : StorageTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static async Task<bool> TryAsync(IServiceProvider instance, string job = "redaction")
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IJobLeases>().TryAcquireAsync(job, Lease, default);
    }

    [Fact]
    public async Task OnlyOneInstance_HoldsALease_UntilItExpires()
    {
        await using var b = NewInstance("instance-b");

        Assert.True(await TryAsync(Services));
        Assert.False(await TryAsync(b));
        Assert.True(await TryAsync(Services)); // the holder renews
        Assert.True(await TryAsync(b, "other-job"));

        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await TryAsync(b));
        Assert.False(await TryAsync(Services));
    }

    [Fact]
    public async Task Released_LeaseIsFreeAtOnce()
    {
        await using var b = NewInstance("instance-b");
        Assert.True(await TryAsync(Services));

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IJobLeases>().ReleaseAsync("redaction", default);
        }

        Assert.True(await TryAsync(b));
    }

    [Fact]
    public async Task ManyInstancesRacing_ExactlyOneWins()
    {
        var instances = Enumerable.Range(0, 8).Select(i => NewInstance("racer-" + i)).ToList();
        try
        {
            var results = await Task.WhenAll(instances.Select(i => TryAsync(i, "race")));

            Assert.Equal(1, results.Count(r => r));
        }
        finally
        {
            foreach (var i in instances) await i.DisposeAsync();
        }
    }
}
