namespace TapBot.UnitTests;

/// <summary>What the container build can see, and what the deployment guide tells people to type.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Root = Repository.Root;

    [Theory]
    [InlineData(".git")]
    [InlineData("**/*.db")]
    [InlineData("**/*.db-*")] // SQLite's -wal and -shm files hold recent rows too
    [InlineData("**/.data")]
    [InlineData("**/.demo")]
    [InlineData("**/audit-chain.key")]
    [InlineData("**/bin")]
    [InlineData("**/obj")]
    [InlineData("**/artifacts")]
    [InlineData("**/node_modules")]
    [InlineData("tests")]
    public void DockerIgnore_KeepsStateSecretsAndOutputsOutOfTheBuildContext(string pattern)
    {
        var path = Path.Combine(Root, ".dockerignore");
        Assert.True(File.Exists(path), "the Dockerfile copies the whole folder (COPY . .), so .dockerignore must exist");
        Assert.Contains(pattern, File.ReadAllLines(path).Select(l => l.Trim()));
    }

    [Fact]
    public void DockerBuild_PublishesOnlyWhatTheContextStillHolds()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        Assert.Contains("RUN dotnet publish src/TapBot", dockerfile);
        Assert.DoesNotContain("tests/", dockerfile);
    }

    [Fact]
    public void DeploymentGuide_PostgreSqlExample_ValidatesTheServerCertificate()
    {
        var guide = File.ReadAllText(Path.Combine(Root, "docs", "deployment.md"));
        Assert.DoesNotContain("Ssl Mode=Require", guide, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SSL Mode=VerifyFull", guide);
    }
}
