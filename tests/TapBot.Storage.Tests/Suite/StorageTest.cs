using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TapBot.Storage;

namespace TapBot.Storage.Tests;

/// <summary>A fresh, empty database of one provider for one test class instance.</summary>
public abstract class TestDatabase
{
    /// <summary>Creates the database and returns TapBot's Storage settings for it.</summary>
    public abstract Task<Dictionary<string, string?>> CreateAsync();

    public virtual Task DropAsync() => Task.CompletedTask;
}

/// <summary>
/// Base of the storage suite: TapBot's storage registered as the host registers it, migrated on a fresh database,
/// with a fake clock. The suite files in Suite/ run on SQLite here and on PostgreSQL in
/// TapBot.Storage.PostgreSqlTests, which links them.
/// </summary>
public abstract class StorageTest<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    protected TDatabase Database { get; } = new();
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    protected ServiceProvider Services { get; private set; } = null!;
    private Dictionary<string, string?> _settings = [];

    /// <summary>Another TapBot instance on the same database (same clock), as a second process would be.</summary>
    protected ServiceProvider NewInstance(string instanceId, IReadOnlyDictionary<string, string?>? moreSettings = null) =>
        new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Clock)
            .AddSingleton(new TapBot.Domain.Ports.InstanceIdentity(instanceId))
            .AddTapStorage(new ConfigurationBuilder().AddInMemoryCollection(_settings).AddInMemoryCollection(moreSettings ?? new Dictionary<string, string?>()).Build())
            .BuildServiceProvider();

    /// <summary>The audit retention job runs on the clock; only its own tests let it, so it cannot disturb the others.</summary>
    protected virtual bool RunRetentionJob => false;

    public async Task InitializeAsync()
    {
        var settings = await Database.CreateAsync();
        if (!RunRetentionJob) settings["Audit:RetentionDays"] = "0";
        _settings = settings;
        Services = NewInstance("instance-a");
        foreach (var hosted in Services.GetServices<IHostedService>()) await hosted.StartAsync(default);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DropAsync();
    }

    protected async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs raw SQL (as a forger with database access would); braces must be doubled.</summary>
    protected async Task SqlAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(
            scope.ServiceProvider.GetRequiredService<TapDbContext>().Database, sql);
    }
}
