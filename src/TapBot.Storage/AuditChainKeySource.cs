using Microsoft.Extensions.Configuration;
using TapBot.Domain.Audit;

namespace TapBot.Storage;

/// <summary>The audit chain key in use, and the file TapBot generated it into (null when it was configured).</summary>
public sealed record ResolvedAuditChainKey(AuditChainKey Key, string? GeneratedFile);

/// <summary>
/// Where the audit chain key comes from. <c>Audit:ChainKey</c> (base64, at least 32 bytes) from an environment variable
/// (<c>Audit__ChainKey</c>), user secrets or a vault; never appsettings*.json, which travel with the code. Without it,
/// and only with SQLite (one instance), TapBot generates a key once into <see cref="FileName"/> in the data folder:
/// outside the database, so a copied or SQL-edited database cannot be re-chained, but readable by whoever can read
/// that folder. Several PostgreSQL instances must share one key, so there it must be configured.
/// </summary>
public static class AuditChainKeySource
{
    public const string Setting = "Audit:ChainKey";
    public const string FileName = "audit-chain.key";

    private const string HowToMake = "base64 of at least 32 random bytes (e.g. openssl rand -base64 32)";

    /// <summary>Why no key can be had from this configuration, or null.</summary>
    public static string? Problem(IConfiguration configuration, StorageOptions storage)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return storage.IsPostgreSql
                ? $"{Setting} is required with PostgreSQL (every instance must sign the audit chain with the same key): set the environment variable Audit__ChainKey to {HowToMake}."
                : null;
        }

        if (InAppSettings(configuration))
            return $"{Setting} must not be in appsettings*.json (they are deployed with the code): set it as the environment variable Audit__ChainKey or a user secret.";
        return AuditChainKey.TryParse(text) is null ? $"{Setting} must be {HowToMake}." : null;
    }

    public static ResolvedAuditChainKey Resolve(IConfiguration configuration, StorageOptions storage)
    {
        if (Problem(configuration, storage) is { } problem) throw new InvalidOperationException(problem);
        if (AuditChainKey.TryParse(configuration[Setting]) is { } configured) return new(configured, null);

        var path = Path.Combine(storage.DataFolder(), FileName);
        if (!File.Exists(path)) CreateKeyFile(path);
        var key = AuditChainKey.TryParse(File.ReadAllText(path))
                  ?? throw new InvalidOperationException($"{path} does not hold an audit chain key ({HowToMake}); restore it from a backup, or the audit trail written with it cannot be verified.");
        return new(key, path);
    }

    /// <summary>
    /// Written to a file of its own and moved into place without overwriting, so two processes starting together end
    /// up with the same key. Owner-only on Unix.
    /// </summary>
    private static void CreateKeyFile(string path)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(temporary, create))
            {
                writer.Write(AuditChainKey.Generate().ToBase64());
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool InAppSettings(IConfiguration configuration) =>
        configuration is IConfigurationRoot root && root.Providers.OfType<FileConfigurationProvider>().Any(p =>
            Path.GetFileName(p.Source.Path ?? "").StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && p.TryGet(Setting, out var value) && !string.IsNullOrWhiteSpace(value));
}
