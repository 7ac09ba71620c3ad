using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TapBot.Conversations;
using TapBot.Domain.Audit;
using TapBot.Domain.Configuration;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the database and the stores built on it; migrates at start unless told not to.</summary>
    public static IServiceCollection AddTapStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // The provider decides which context type is registered, so this section is read now as well as bound.
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddCheckedOptions<StorageOptions>(configuration, StorageOptions.Section);
        if (options.IsPostgreSql)
        {
            services.AddDbContext<TapDbContext, PostgresTapDbContext>(db => db.UseNpgsql(options.EffectiveConnectionString()));
        }
        else
        {
            services.AddDbContext<TapDbContext, SqliteTapDbContext>(db => db.UseSqlite(options.EffectiveConnectionString()));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IPersonalChats, EfPersonalChats>();
        services.AddScoped<IAuditTrail, EfAuditTrail>();
        // Resolved on first use (the host resolves it at start, to check it and warn about a generated key).
        services.TryAddSingleton(_ => AuditChainKeySource.Resolve(configuration, options));
        services.AddSingleton(sp => sp.GetRequiredService<ResolvedAuditChainKey>().Key);
        services.TryAddSingleton(InstanceIdentity.ForThisProcess());
        services.AddScoped<IJobLeases, EfJobLeases>();
        services.AddScoped<IRequestStore, EfRequestStore>();
        services.AddScoped<IEntitlementStore, EfEntitlementStore>();
        services.AddScoped<EfApproverChannels>();
        services.AddScoped<IApproverChannels>(sp => sp.GetRequiredService<EfApproverChannels>());
        services.AddScoped<IApproversChannelStatus>(sp => sp.GetRequiredService<EfApproverChannels>());
        services.AddScoped<IRequestCardCopies, EfRequestCardCopies>();
        services.AddScoped<ISentCards, EfSentCards>();
        services.AddScoped<ILimitLedger, EfLimitLedger>();
        services.AddScoped<ISecurityAlertChannels, EfSecurityAlertChannels>();
        services.AddCheckedOptions<AuditOptions>(configuration, AuditOptions.Section);
        services.AddSingleton<IValidateOptions<AuditOptions>>(new AuditChainKeyCheck(configuration, options));
        services.AddHostedService<AuditRetentionJob>();
        services.AddHostedService<LimitPruneJob>();
        if (options.MigrateOnStart)
        {
            services.AddHostedService<MigrateOnStart>();
        }

        return services;
    }

    /// <summary>Audit:ChainKey (or the key file it falls back to) must be usable before anything is written.</summary>
    private sealed class AuditChainKeyCheck(IConfiguration configuration, StorageOptions storage) : IValidateOptions<AuditOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
            AuditChainKeySource.Problem(configuration, storage) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    private sealed class MigrateOnStart(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TapDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (db is SqliteTapDbContext)
            {
                // Write-ahead logging: readers never wait for the writer, and concurrent turns contend far less.
                // The setting is stored in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
