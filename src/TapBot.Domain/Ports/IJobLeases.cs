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
