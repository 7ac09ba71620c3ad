using System.Collections.Concurrent;

namespace TapBot.Domain.Limits;

/// <summary>
/// What this instance last learned about each person's refused commands, so that an ordinary turn does not read the
/// shared ledger (that read once halved TapBot's throughput). "Open" is trusted for <see cref="OpenFor"/> and
/// forgotten the moment this instance records a refusal for the person, so this instance's own refusals are always
/// counted exactly; "paused" is trusted until the window ends, because a count never goes down within its window.
/// What it costs: a person paused by refusals on another instance may get up to <see cref="OpenFor"/> of turns here,
/// and since every refusal here forces the next turn to read the ledger, the count overshoots by at most one refusal
/// per instance.
/// </summary>
public sealed class RefusalGateMemory
{
    public static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(2);

    /// <summary>Above this many remembered people, expired entries are swept (a bound on memory, not a cache size).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, bool Paused)> _known = new(StringComparer.Ordinal);

    public bool IsKnownOpen(string person, DateTimeOffset now) => _known.TryGetValue(person, out var k) && !k.Paused && now < k.Until;

    public bool IsKnownPaused(string person, DateTimeOffset now) => _known.TryGetValue(person, out var k) && k.Paused && now < k.Until;

    public void RememberOpen(string person, DateTimeOffset now, DateTimeOffset windowEnd) =>
        Remember(person, (now + OpenFor < windowEnd ? now + OpenFor : windowEnd, false), now);

    public void RememberPaused(string person, DateTimeOffset windowEnd, DateTimeOffset now) => Remember(person, (windowEnd, true), now);

    /// <summary>This instance just counted a refusal for the person: the next turn reads the ledger again.</summary>
    public void Forget(string person)
    {
        if (_known.TryGetValue(person, out var k) && !k.Paused) _known.TryRemove(person, out _);
    }

    private void Remember(string person, (DateTimeOffset, bool) what, DateTimeOffset now)
    {
        if (_known.Count > SweepAbove)
        {
            foreach (var (key, value) in _known)
                if (value.Until <= now) _known.TryRemove(key, out _);
        }

        _known[person] = what;
    }
}
