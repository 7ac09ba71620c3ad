using Microsoft.Extensions.Options;
using TapBot.Domain.Ports;
using TapBot.Hosting;
using TapBot.SimulatedTenant;

namespace TapBot.Cli;

/// <summary>
/// <c>dotnet run --project src/TapBot -- audit verify [settings]</c>: recomputes every keyed chain value of the audit
/// trail in the configured database (with the configured Audit:ChainKey, or the generated key file) and says whether
/// it is intact; exits 1 when it is not. Compare its last sequence with the exported heads to detect truncation.
/// </summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<WebApplicationBuilder>? configure = null)
    {
        if (args.FirstOrDefault() != "verify")
        {
            output.WriteLine("usage: audit verify [--Storage:Provider=… --Storage:ConnectionString=…]");
            return 2;
        }

        WebApplication app;
        try
        {
            app = await TapBotHost.BuildAsync(args[1..], configure);
        }
        catch (Exception e) when (e is StartupProblemException or OptionsValidationException)
        {
            output.WriteLine($"TapBot's configuration is not valid: {e.Message}");
            return 2;
        }

        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().VerifyAsync(CancellationToken.None);
            output.WriteLine(result.Intact
                ? result.Events == 0
                    ? "Audit trail intact: no events yet."
                    : $"Audit trail intact: {result.Events} events, {result.FirstSequence} to {result.LastSequence}, every chain value and link checked" +
                      (result.Unkeyed == 0 ? "." : $"; {result.Unkeyed} of them from before the chain was keyed (Audit:UnkeyedThroughSequence).")
                : $"AUDIT TRAIL BROKEN: {result.Problem}. {result.Events} events before it are intact.");
            return result.Intact ? 0 : 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.WriteLine($"The audit trail could not be read: {e.Message.Split('\n')[0]}");
            return 2;
        }
        finally
        {
            if (app.Services.GetService<SimulatedTenantServer>() is { } tenant) await tenant.DisposeAsync();
            await app.DisposeAsync();
        }
    }
}
