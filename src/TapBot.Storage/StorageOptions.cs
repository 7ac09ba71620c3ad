using TapBot.Domain.Configuration;

namespace TapBot.Storage;

/// <summary>Where TapBot keeps its state. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions : ICheckedOptions
{
    public const string Section = "Storage";

    /// <value><c>Sqlite</c> (default: a file, one instance) or <c>PostgreSql</c> (several instances on one database).</value>
    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgreSql => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <value>
    /// Folder for the SQLite file when no connection string is given. Default: the user's local application data
    /// folder + TapBot (e.g. ~/.local/share/TapBot), so state survives rebuilds.
    /// </value>
    public string? DataDirectory { get; set; }

    /// <value>
    /// Provider connection string; required for PostgreSQL (a secret when it holds a password: set it as the
    /// environment variable Storage__ConnectionString). Default for SQLite: <c>Data Source={DataDirectory}/tapbot.db</c>.
    /// </value>
    public string? ConnectionString { get; set; }

    /// <value>Apply pending migrations when TapBot starts. Default true.</value>
    public bool MigrateOnStart { get; set; } = true;

    public string EffectiveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) || IsPostgreSql) return ConnectionString ?? "";
        return $"Data Source={Path.Combine(DataFolder(), "tapbot.db")}";
    }

    /// <summary><see cref="DataDirectory"/> or its default, created if missing.</summary>
    public string DataFolder()
    {
        var folder = string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TapBot")
            : Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public IEnumerable<string> Problems()
    {
        if (!IsPostgreSql && !string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Storage:Provider must be Sqlite or PostgreSql, not '{Provider}'.";
        }
        else if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "Storage:ConnectionString is required when Storage:Provider is PostgreSql (e.g. Host=db;Database=tapbot;Username=tapbot; the password as an environment variable).";
        }
    }
}
