using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TapBot.Domain.Roles;

/// <summary>
/// Directory answers kept for <see cref="LookupCacheOptions.Seconds"/>, shared by every turn, for answers that only
/// show something. A decision that creates, deletes or approves a pass never asks here (the issue and decision paths
/// read their pre-flight live), so a removed role or a changed policy can show late but never let a pass through.
/// </summary>
public sealed class RecentLookups(IOptions<LookupCacheOptions> options, TimeProvider time)
{
    /// <summary>Past this many entries the cache starts over (one per person who asked, plus the policy).</summary>
    internal const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, object Value)> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value read less than the configured seconds ago, or a fresh read (kept when it succeeds).</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> read) where T : notnull
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var kept) && kept.Until > now) return (T)kept.Value;
        var value = await read();
        if (options.Value.Seconds > 0)
        {
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[key] = (now.AddSeconds(options.Value.Seconds), value);
        }

        return value;
    }
}
