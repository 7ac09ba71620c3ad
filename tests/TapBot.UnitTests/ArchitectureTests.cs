using System.Reflection;

namespace TapBot.UnitTests;

/// <summary>
/// The seams design.md asks for: Bot Framework only in the host (it is archived and will be replaced), Microsoft.Graph
/// only in the Graph project, nothing vendor-specific in the domain; the host's conversations contract (where TapBot
/// reaches people in Teams) stays out of the domain and depends on nothing.
/// </summary>
public sealed class ArchitectureTests
{
    private static IEnumerable<string> References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!);

    [Theory]
    [InlineData("TapBot.Domain", "Microsoft.Bot")]
    [InlineData("TapBot.Domain", "Microsoft.Graph")]
    [InlineData("TapBot.Domain", "Microsoft.Kiota")]
    [InlineData("TapBot.Domain", "Microsoft.EntityFrameworkCore")]
    [InlineData("TapBot.Domain", "Azure")]
    [InlineData("TapBot.Domain", "Microsoft.AspNetCore")]
    [InlineData("TapBot.Domain", "TapBot.Conversations")]
    [InlineData("TapBot.Graph", "TapBot.Conversations")]
    [InlineData("TapBot.Conversations", "TapBot.")]
    [InlineData("TapBot.Conversations", "Microsoft.")]
    [InlineData("TapBot.Graph", "Microsoft.Bot")]
    [InlineData("TapBot.Graph", "Microsoft.EntityFrameworkCore")]
    [InlineData("TapBot.Storage", "Microsoft.Bot")]
    [InlineData("TapBot.Storage", "Microsoft.Graph")]
    [InlineData("TapBot.SimulatedTenant", "Microsoft.Bot")]
    [InlineData("TapBot.SimulatedTenant", "Microsoft.Graph")]
    [InlineData("TapBot", "Microsoft.Graph")]
    [InlineData("TapBot", "Microsoft.Kiota")]
    public void Project_DoesNotReference(string project, string forbiddenPrefix) =>
        Assert.DoesNotContain(References(project), name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal));

    [Fact]
    public void Host_IsWhereBotFrameworkLives() => Assert.Contains(References("TapBot"), n => n.StartsWith("Microsoft.Bot", StringComparison.Ordinal));
}
