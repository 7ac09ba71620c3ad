using Npgsql;
using TapBot.Storage.Tests;

namespace TapBot.Storage.PostgreSqlTests;

/// <summary>The storage suite on PostgreSQL: a fresh database per test, dropped afterwards.</summary>
public sealed class PostgresPersonalChatStoreTests : PersonalChatStoreTests
{
    private readonly string _database = "tapbot_test_" + Guid.NewGuid().ToString("N");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TAPBOT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("TAPBOT_TEST_POSTGRES is not set: run the suites with bash scripts/test.sh, which starts PostgreSQL (scripts/postgres.sh).");

    protected override async Task<Dictionary<string, string?>> CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection)) await create.ExecuteNonQueryAsync();
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database };
        return new() { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = builder.ConnectionString };
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Migrations_CreatedTheTableInPostgres()
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'personal_chats'", connection);

        Assert.Equal(1L, await query.ExecuteScalarAsync());
    }
}
