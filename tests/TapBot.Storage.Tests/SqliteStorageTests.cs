namespace TapBot.Storage.Tests;

/// <summary>A SQLite file in a fresh folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tapbot-storage-tests", Guid.NewGuid().ToString("N"));

    public override Task<Dictionary<string, string?>> CreateAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Storage:DataDirectory"] = Folder });
}

public sealed class SqlitePersonalChatStoreTests : PersonalChatStoreTests<SqliteTestDatabase>
{
    [Fact]
    public void Database_IsAFileInTheDataFolder() => Assert.True(File.Exists(Path.Combine(Database.Folder, "tapbot.db")));
}

public sealed class SqliteAuditTrailTests : AuditTrailTests<SqliteTestDatabase>;

public sealed class SqliteAuditRetentionJobTests : AuditRetentionJobTests<SqliteTestDatabase>;

public sealed class SqliteJobLeaseTests : JobLeaseTests<SqliteTestDatabase>;

public sealed class SqliteRequestStoreTests : RequestStoreTests<SqliteTestDatabase>;

public sealed class SqliteApproverChannelTests : ApproverChannelTests<SqliteTestDatabase>;
public sealed class SqliteLimitLedgerTests : LimitLedgerTests<SqliteTestDatabase>;
public sealed class SqliteEntitlementStoreTests : EntitlementStoreTests<SqliteTestDatabase>;
