using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TapBot.SimulatedTenant;
using TapBot.SimulatedTenant.Playground;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.EndToEndTests;

/// <summary>
/// One Microsoft 365 Agents Playground process for one person: its own folder, config (ids from the seed) and port.
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    private readonly Process _process;

    private Playground(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<Playground> StartAsync(string botMessagesUrl, string userPrincipalName)
    {
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed ({cli}). Run: bash scripts/install-test-deps.sh");
        }

        var folder = Path.Combine(Path.GetTempPath(), "tapbot-e2e", userPrincipalName + "-" + Guid.NewGuid().ToString("N")[..8]);
        PlaygroundConfigWriter.Write(TenantSeed.Load(EmulatorOptions.BundledSeedPath), userPrincipalName, folder);
        var port = FreePort();
        var start = new ProcessStartInfo("node", [cli, "-e", botMessagesUrl, "-c", "msteams", "--dt", "-p", port.ToString()])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true, // it exits when stdin closes: keep it open until disposal
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains($"Listening on {port}") == true) listening.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Agents Playground did not start on port {port} within 60 s.");
        }

        return new Playground(process, $"http://127.0.0.1:{port}/");
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TapBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (TapBot.sln).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
