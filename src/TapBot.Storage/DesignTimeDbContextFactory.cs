using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TapBot.Storage;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TapDbContext>
{
    public TapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TapDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
