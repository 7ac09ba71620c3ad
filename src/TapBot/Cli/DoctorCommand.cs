using Microsoft.Extensions.Options;
using TapBot.Domain.Diagnostics;
using TapBot.Domain.Roles;
using TapBot.Graph;
using TapBot.Hosting;
using TapBot.SimulatedTenant;
using TapBot.Storage;
using TapBot.Teams;

namespace TapBot.Cli;

/// <summary>
/// <c>dotnet run --project src/TapBot -- doctor [settings]</c>: checks configuration, bot registration values,
/// storage, Graph sign-in and every permission TapBot needs (by calling the endpoints), the TAP policy, and that
/// each configured group exists. Prints a table with a fix for each failure; exits 1 when anything failed.
/// </summary>
public static class DoctorCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<WebApplicationBuilder>? configure = null)
    {
        var checks = new List<DiagnosticCheck>();
        WebApplication? app = null;
        try
        {
            app = await TapBotHost.BuildAsync(args, configure);
            checks.Add(DiagnosticCheck.Pass("Configuration", "settings are valid"));
        }
        catch (Exception e) when (e is StartupProblemException or OptionsValidationException)
        {
            checks.Add(DiagnosticCheck.Fail("Configuration", "TapBot would refuse to start", e.Message));
            checks.Add(DiagnosticCheck.Skip("Everything else", "skipped until the configuration is fixed"));
        }

        if (app is not null)
        {
            try
            {
                checks.AddRange(await RunChecksAsync(app.Services, CancellationToken.None));
            }
            finally
            {
                if (app.Services.GetService<SimulatedTenantServer>() is { } tenant) await tenant.DisposeAsync();
                await app.DisposeAsync();
            }
        }

        Print(checks, output);
        return checks.Any(c => c.Outcome == CheckOutcome.Fail) ? 1 : 0;
    }

    private static async Task<IEnumerable<DiagnosticCheck>> RunChecksAsync(IServiceProvider services, CancellationToken ct)
    {
        var checks = new List<DiagnosticCheck>();
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;
        checks.Add(bot.IsAnonymous
            ? DiagnosticCheck.Warn("Bot registration", "none: anonymous local mode (loopback only; Teams cannot reach it)",
                "For Teams, set Bot:MicrosoftAppType (SingleTenant or UserAssignedMsi), Bot:MicrosoftAppId and Bot:MicrosoftAppTenantId; see docs/deployment.md.")
            : DiagnosticCheck.Pass("Bot registration", $"{bot.MicrosoftAppType} app {bot.MicrosoftAppId} in tenant {bot.MicrosoftAppTenantId}"));

        var graph = services.GetRequiredService<IOptions<GraphOptions>>().Value;
        checks.Add(DiagnosticCheck.Pass("Graph mode", graph.EffectiveMode == GraphMode.Simulated
            ? $"Simulated tenant at {graph.BaseUrl}"
            : $"Live tenant {graph.TenantId}, app {graph.ClientId}, credential {graph.Credential}"));

        var roles = services.GetRequiredService<IOptions<RoleOptions>>().Value;
        var approverSources = roles.ApproverGroupIds.Length + roles.ApproverRoleTemplateIds.Length
                              + roles.PrivilegedApproverGroupIds.Length + roles.PrivilegedApproverRoleTemplateIds.Length;
        checks.Add(approverSources > 0
            ? DiagnosticCheck.Pass("Approvers configured", $"{approverSources} group(s) or role(s) make someone an approver")
            : DiagnosticCheck.Fail("Approvers configured", "nobody can approve or issue a pass",
                "Set Roles:ApproverGroupIds (group object ids) or Roles:ApproverRoleTemplateIds."));

        checks.Add(await StorageDiagnostics.CheckAsync(services, ct));
        var directory = services.GetRequiredService<IDirectoryDiagnostics>();
        checks.AddRange(await directory.RunAsync(new DirectoryDiagnosticsRequest(roles.Groups().ToList()), ct));
        return checks;
    }

    private static void Print(IReadOnlyList<DiagnosticCheck> checks, TextWriter output)
    {
        var width = checks.Max(c => c.Name.Length);
        output.WriteLine("TapBot doctor");
        output.WriteLine();
        foreach (var c in checks)
        {
            output.WriteLine($"  {Label(c.Outcome),-6} {c.Name.PadRight(width)}  {c.Detail}");
        }

        var fixes = checks.Where(c => c.Fix is not null && c.Outcome is CheckOutcome.Fail or CheckOutcome.Warn).ToList();
        if (fixes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("How to fix:");
            foreach (var c in fixes) output.WriteLine($"  {Label(c.Outcome)} {c.Name}: {c.Fix}");
        }

        var failed = checks.Count(c => c.Outcome == CheckOutcome.Fail);
        output.WriteLine();
        output.WriteLine(failed == 0 ? $"All {checks.Count(c => c.Outcome == CheckOutcome.Pass)} checks passed." : $"{failed} check(s) failed.");
    }

    private static string Label(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Pass => "PASS",
        CheckOutcome.Warn => "WARN",
        CheckOutcome.Fail => "FAIL",
        _ => "SKIP",
    };
}
