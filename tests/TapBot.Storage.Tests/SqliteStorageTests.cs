namespace TapBot.Storage.Tests;

/// <summary>The storage suite on a SQLite file in a fresh folder.</summary>
public sealed class SqlitePersonalChatStoreTests : PersonalChatStoreTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tapbot-storage-tests", Guid.NewGuid().ToString("N"));

    protected override Task<Dictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder });

    [Fact]
    public void Database_IsAFileInTheDataFolder()
    {
        Assert.True(File.Exists(Path.Combine(_folder, "tapbot.db")));
    }
}
