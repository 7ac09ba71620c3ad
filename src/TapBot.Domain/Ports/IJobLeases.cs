namespace TapBot.Domain.Ports;

/// <summary>
/// Time-limited leases in the shared database, so a background job (retention, expiry, redaction, reminders) runs
/// on one instance at a time however many TapBot instances share the database.
/// </summary>
public interface IJobLeases
{
    /// <summary>
    /// Takes the job's lease for <paramref name="duration"/> when it is free or expired, or renews it when this
    /// instance already holds it. False when another instance holds a live lease.
    /// </summary>
    Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct);

    /// <summary>Gives the lease up early (only if this instance holds it).</summary>
    Task ReleaseAsync(string job, CancellationToken ct);
}

/// <summary>Who this TapBot process is, for leases and logs: host, process id and a random part.</summary>
public sealed record InstanceIdentity(string Id)
{
    public static InstanceIdentity ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");
}

public static class JobLeaseExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> only when this instance gets the job's lease, and gives the lease back afterwards
    /// (failure included), so a crashed instance blocks the others for <paramref name="duration"/> at most.
    /// False when another instance holds the lease.
    /// </summary>
    public static async Task<bool> RunAloneAsync(this IJobLeases leases, string job, TimeSpan duration, Func<Task> work, CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(job, duration, ct)) return false;
        try
        {
            await work();
            return true;
        }
        finally
        {
            await leases.ReleaseAsync(job, CancellationToken.None);
        }
    }
}
