using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TapBot.Domain;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;

namespace TapBot.UnitTests;

/// <summary>The reason pattern: ASCII digits only, and a pattern that runs away is a configuration problem, said as such.</summary>
public sealed class ReasonRulesTests
{
    /// <summary>Nested alternation: exponential backtracking on a long run of a's that does not end the way it must.</summary>
    internal const string RunawayPattern = "^(a|aa)+$";
    internal static readonly string RunawayReason = new string('a', 60) + "!";

    private static IssuanceOptions Ticket(string pattern) => new() { ReasonPattern = pattern };

    [Theory]
    [InlineData("INC١٢٣٤٥٦")] // Arabic-Indic digits
    [InlineData("INC１２３４５６")] // full-width digits
    [InlineData("INC१२३४५६")] // Devanagari digits
    public void Pattern_DigitClass_RefusesNonAsciiDigits(string reason) =>
        Assert.NotNull(ReasonRules.Problem(reason, Ticket(@"^INC\d{6}$")));

    [Fact]
    public void Pattern_DigitClass_AcceptsAsciiDigits() => Assert.Null(ReasonRules.Problem("INC123456", Ticket(@"^INC\d{6}$")));

    [Fact]
    public void Pattern_WordClass_IsAsciiToo() => Assert.NotNull(ReasonRules.Problem("TICKETé", Ticket(@"^\w+$")));

    [Fact]
    public void Options_InvalidPattern_IsAStartupProblem_ThatSaysHowPatternsAreRead() =>
        Assert.Contains("ECMAScript semantics (\\d means 0-9)", Assert.Single(Ticket(@"^(INC\d+$").Problems()));

    [Fact]
    public async Task Check_PatternTimesOut_SaysSo_AuditsAndLogsAConfigurationProblem()
    {
        var audit = new FakeAudit();
        var logs = new ListLogger();
        var check = new ReasonCheck(Options.Create(Ticket(RunawayPattern)), audit, logs);

        var problem = await check.ProblemAsync(RunawayReason, AuditKinds.IssueRefused, new Requester("megan-id", "Megan"), "adele-id", default);

        Assert.Equal(ReasonCheck.PatternTimedOut, problem);
        var entry = Assert.Single(audit.Entries);
        Assert.Equal((AuditKinds.IssueRefused, "megan-id", "adele-id"), (entry.Kind, entry.ActorId, entry.TargetId));
        Assert.Contains("configuration problem", entry.Details["reason"]);
        var line = Assert.Single(logs.Lines);
        Assert.Contains("Issuance:ReasonPattern", line);
        Assert.DoesNotContain(RunawayReason, line);
    }

    private sealed class ListLogger : ILogger<ReasonCheck>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
