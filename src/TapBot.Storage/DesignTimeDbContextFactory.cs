using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TapBot.Storage;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the bot.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTapDbContext>
{
    public SqliteTapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTapDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (migrations need no connection).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTapDbContext>
{
    public PostgresTapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTapDbContext>().UseNpgsql("Host=localhost;Database=tapbot_design").Options);
}
