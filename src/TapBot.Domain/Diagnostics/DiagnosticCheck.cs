namespace TapBot.Domain.Diagnostics;

public enum CheckOutcome
{
    Pass,
    Warn,
    Fail,
    Skipped,
}

/// <summary>One line of <c>doctor</c>'s table: what was checked, how it went, and how to fix a failure.</summary>
public sealed record DiagnosticCheck(string Name, CheckOutcome Outcome, string Detail, string? Fix = null)
{
    public static DiagnosticCheck Pass(string name, string detail) => new(name, CheckOutcome.Pass, detail);
    public static DiagnosticCheck Warn(string name, string detail, string? fix = null) => new(name, CheckOutcome.Warn, detail, fix);
    public static DiagnosticCheck Fail(string name, string detail, string fix) => new(name, CheckOutcome.Fail, detail, fix);
    public static DiagnosticCheck Skip(string name, string why) => new(name, CheckOutcome.Skipped, why);
}

/// <summary>What the directory side of <c>doctor</c> should look at.</summary>
public sealed record DirectoryDiagnosticsRequest(IReadOnlyList<(string Setting, string GroupId)> RoleGroups);

/// <summary>Checks TapBot's Graph access by calling each endpoint it needs. Implemented over Microsoft Graph.</summary>
public interface IDirectoryDiagnostics
{
    Task<IReadOnlyList<DiagnosticCheck>> RunAsync(DirectoryDiagnosticsRequest request, CancellationToken ct);

    /// <summary>A cheap call that proves Graph answers (for readiness probes).</summary>
    Task PingAsync(CancellationToken ct);
}
