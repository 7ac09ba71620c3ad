using Npgsql;
using TapBot.Storage.Tests;

namespace TapBot.Storage.PostgreSqlTests;

/// <summary>A fresh database on the test PostgreSQL server (TAPBOT_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public string Name { get; } = "tapbot_test_" + Guid.NewGuid().ToString("N");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TAPBOT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("TAPBOT_TEST_POSTGRES is not set: run the suites with bash scripts/test.sh, which starts PostgreSQL (scripts/postgres.sh).");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name }.ConnectionString;

    public override async Task<Dictionary<string, string?>> CreateAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {Name}");
        // PostgreSQL needs a configured audit chain key (instances must share it); SQLite generates one.
        var chainKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return new() { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = ConnectionString, ["Audit:ChainKey"] = chainKey };
    }

    public override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresPersonalChatStoreTests : PersonalChatStoreTests<PostgresTestDatabase>
{
    [Fact]
    public async Task Migrations_CreatedTheTablesInPostgres()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('personal_chats', 'audit_events', 'audit_anchor')", connection);

        Assert.Equal(3L, await query.ExecuteScalarAsync());
    }
}

public sealed class PostgresAuditTrailTests : AuditTrailTests<PostgresTestDatabase>;

public sealed class PostgresAuditRetentionJobTests : AuditRetentionJobTests<PostgresTestDatabase>;

public sealed class PostgresJobLeaseTests : JobLeaseTests<PostgresTestDatabase>;

public sealed class PostgresRequestStoreTests : RequestStoreTests<PostgresTestDatabase>;

public sealed class PostgresEntitlementStoreTests : EntitlementStoreTests<PostgresTestDatabase>;

public sealed class PostgresApproverChannelTests : ApproverChannelTests<PostgresTestDatabase>;

public sealed class PostgresLimitLedgerTests : LimitLedgerTests<PostgresTestDatabase>;
