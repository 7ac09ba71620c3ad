namespace TapBot.SimulatedTenant;

/// <summary>How the emulator behaves beyond the seed. Bound from the <c>SimulatedTenant</c> section.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "SimulatedTenant";

    /// <value>Path of the tenant seed JSON. Default: the bundled Contoso tenant.</value>
    public string? SeedFile { get; set; }

    /// <value>Delay added to every request, in milliseconds. Default 0.</value>
    public int LatencyMs { get; set; }

    /// <value>Answer every Nth request with 429 + Retry-After (0 = never). Default 0.</value>
    public int ThrottleEvery { get; set; }

    /// <value>Retry-After seconds sent with simulated 429s. Default 1.</value>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <value>
    /// HTTP status for "Converged UserCredentialPolicy" refusals (policy off, person out of scope). Graph's real
    /// status is undocumented; 400 by default, 403 to try the other plausible answer.
    /// </value>
    public int PolicyViolationStatus { get; set; } = 400;

    /// <summary>The seed that ships with TapBot.</summary>
    public static string BundledSeedPath => Path.Combine(AppContext.BaseDirectory, "Seeds", "contoso.json");
}
