namespace TapBot.Storage;

/// <summary>Where TapBot keeps its state. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <value><c>Sqlite</c> (default).</value>
    public string Provider { get; set; } = "Sqlite";

    /// <value>
    /// Folder for the SQLite file when no connection string is given. Default: the user's local application data
    /// folder + TapBot (e.g. ~/.local/share/TapBot), so state survives rebuilds.
    /// </value>
    public string? DataDirectory { get; set; }

    /// <value>Provider connection string. Default for SQLite: <c>Data Source={DataDirectory}/tapbot.db</c>.</value>
    public string? ConnectionString { get; set; }

    /// <value>Apply pending migrations when TapBot starts. Default true.</value>
    public bool MigrateOnStart { get; set; } = true;

    public string EffectiveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        var folder = string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TapBot")
            : Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "tapbot.db")}";
    }

    public IEnumerable<string> Problems()
    {
        if (!string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Storage:Provider '{Provider}' is not supported yet; use Sqlite.";
        }
    }
}
