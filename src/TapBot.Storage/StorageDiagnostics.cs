using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Diagnostics;

namespace TapBot.Storage;

/// <summary>Whether the database answers and is migrated (for <c>doctor</c> and <c>/readyz</c>).</summary>
public static class StorageDiagnostics
{
    public static async Task<DiagnosticCheck> CheckAsync(IServiceProvider services, CancellationToken ct)
    {
        const string name = "Storage";
        var options = services.GetRequiredService<StorageOptions>();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TapDbContext>();
            if (!await db.Database.CanConnectAsync(ct) && SqliteFileToCreate(options) is { } file)
            {
                return FolderIsWritable(Path.GetDirectoryName(file)!)
                    ? DiagnosticCheck.Pass(name, $"SQLite file {file} will be created when TapBot first starts")
                    : DiagnosticCheck.Fail(name, $"cannot write to {Path.GetDirectoryName(file)}", "Set Storage:DataDirectory to a folder TapBot may write to.");
            }

            if (!await db.Database.CanConnectAsync(ct))
            {
                return DiagnosticCheck.Fail(name, $"{options.Provider} database cannot be opened", "Check Storage:ConnectionString or Storage:DataDirectory (the folder must be writable).");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? DiagnosticCheck.Pass(name, $"{options.Provider} database answers and is up to date")
                : DiagnosticCheck.Warn(name, $"{pending.Count} migration(s) not applied yet", "They are applied when TapBot starts (Storage:MigrateOnStart), or run: dotnet ef database update --project src/TapBot.Storage");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Provider messages name files and servers, never passwords.
            return DiagnosticCheck.Fail(name, "the database failed: " + e.Message.Split('\n')[0], "Check Storage:ConnectionString or Storage:DataDirectory.");
        }
    }

    private static string? SqliteFileToCreate(StorageOptions options)
    {
        if (options.IsPostgreSql) return null;
        var file = new SqliteConnectionStringBuilder(options.EffectiveConnectionString()).DataSource;
        return File.Exists(file) ? null : Path.GetFullPath(file);
    }

    private static bool FolderIsWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".tapbot-write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
