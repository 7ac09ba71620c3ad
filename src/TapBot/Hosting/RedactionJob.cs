using TapBot.Domain.Issuance;
using TapBot.Domain.Jobs;

namespace TapBot.Hosting;

/// <summary>Every minute, one instance redacts delivered codes that became useless.</summary>
public sealed class RedactionJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RedactionJob> logger) : LeasedJob(scopes, time, logger)
{
    protected override string Lease => "redaction";

    protected override TimeSpan FirstRunAfter => Every;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var redacted = await services.GetRequiredService<RedactionService>().RedactUselessCodesAsync(ct);
        if (redacted > 0) logger.LogInformation("Redacted {Count} passcode cards", redacted);
    }
}
