using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TapBot.Domain.Jobs;
using TapBot.Domain.Ports;

namespace TapBot.Storage;

/// <summary>Deletes abuse-limit slots of windows over for two days or more, hourly: the ledger stays small.</summary>
internal sealed class LimitPruneJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<LimitPruneJob> logger)
    : LeasedJob(scopes, time, logger)
{
    private readonly TimeProvider _time = time;

    protected override string Lease => "limit-prune";

    protected override TimeSpan FirstRunAfter => Every;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override TimeSpan LeaseFor => TimeSpan.FromMinutes(10);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ILimitLedger>().PruneAsync(_time.GetUtcNow().AddDays(-2), ct);
}
