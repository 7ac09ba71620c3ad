using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.Storage.Tests;

/// <summary>Where the audit chain key comes from: configured (never appsettings*.json), or generated once next to a SQLite database.</summary>
public sealed class AuditChainKeySourceTests
{
    private static readonly string AKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray());
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tapbot-storage-tests", Guid.NewGuid().ToString("N"));

    private static IConfiguration Settings(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build();

    private StorageOptions Sqlite => new() { DataDirectory = _folder };

    [Fact]
    public void NoKey_WithSqlite_GeneratesOneIntoTheDataFolder_OnceAndOwnerOnly()
    {
        var first = AuditChainKeySource.Resolve(Settings(), Sqlite);
        var again = AuditChainKeySource.Resolve(Settings(), Sqlite);

        Assert.Equal(Path.Combine(_folder, AuditChainKeySource.FileName), first.GeneratedFile);
        Assert.Equal(first.Key.ToBase64(), again.Key.ToBase64());
        Assert.Equal(AuditChainKey.MinimumBytes, Convert.FromBase64String(File.ReadAllText(first.GeneratedFile!)).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.GeneratedFile!));
        Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
    }

    [Fact]
    public void ConfiguredKey_IsUsed_AndNoFileIsWritten()
    {
        var resolved = AuditChainKeySource.Resolve(Settings((AuditChainKeySource.Setting, AKey)), Sqlite);

        Assert.Equal((AKey, null), (resolved.Key.ToBase64(), resolved.GeneratedFile));
        Assert.False(File.Exists(Path.Combine(_folder, AuditChainKeySource.FileName)));
    }

    [Fact]
    public void NoKey_WithPostgreSql_IsAProblem() =>
        Assert.Contains("Audit__ChainKey", AuditChainKeySource.Problem(Settings(), new StorageOptions { Provider = "PostgreSql", ConnectionString = "Host=db" }));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")] // 16 bytes
    public void AKeyThatIsNotBase64OfAtLeast32Bytes_IsAProblem(string key) =>
        Assert.Contains("at least 32 random bytes", AuditChainKeySource.Problem(Settings((AuditChainKeySource.Setting, key)), Sqlite));

    [Fact]
    public void AKeyInAppSettingsJson_IsAProblem()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "appsettings.Production.json"), $$"""{ "Audit": { "ChainKey": "{{AKey}}" } }""");
        var configuration = new ConfigurationBuilder().SetBasePath(_folder).AddJsonFile("appsettings.Production.json").Build();

        Assert.Contains("must not be in appsettings", AuditChainKeySource.Problem(configuration, Sqlite));
    }

    [Fact]
    public void AKeyNeverShowsInText() => Assert.DoesNotContain(AKey, AuditChainKey.TryParse(AKey)!.ToString());

    [Fact]
    public async Task AnotherGeneratedKey_MakesTheChainFailVerification()
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder, ["Audit:RetentionDays"] = "0" };
        await using (var writer = await StartAsync(settings))
        {
            await using var scope = writer.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().AppendAsync(AuditEntry.Of("StatusViewed", "actor-1", "t1"), default);
        }

        File.WriteAllText(Path.Combine(_folder, AuditChainKeySource.FileName), AuditChainKey.Generate().ToBase64());
        await using var reader = await StartAsync(settings);
        await using var readScope = reader.CreateAsyncScope();
        var verification = await readScope.ServiceProvider.GetRequiredService<IAuditTrail>().VerifyAsync(default);

        Assert.Equal("event 1 was altered after it was written, or signed with another audit chain key than the one configured", verification.Problem);
    }

    private static async Task<ServiceProvider> StartAsync(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging().AddTapStorage(Settings(settings.Select(s => (s.Key, s.Value)).ToArray())).BuildServiceProvider();
        foreach (var hosted in services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()) await hosted.StartAsync(default);
        return services;
    }
}
