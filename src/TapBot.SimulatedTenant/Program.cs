using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TapBot.SimulatedTenant.Http;
using TapBot.SimulatedTenant.Playground;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant;

/// <summary>
/// Standalone emulator: <c>dotnet run --project src/TapBot.SimulatedTenant -- --urls http://127.0.0.1:5055 --seed seed.json</c>.
/// Also: <c>playground-config --seed seed.json --user adele@contoso.com --out dir</c> writes an Agents Playground
/// configuration whose ids match the seed.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "playground-config")
            {
                return PlaygroundConfigCommand.Run(args[1..]);
            }

            await RunServerAsync(args);
            return 0;
        }
        catch (SeedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static async Task RunServerAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = builder.Configuration.GetSection(EmulatorOptions.Section).Get<EmulatorOptions>() ?? new EmulatorOptions();
        var seedPath = builder.Configuration["seed"] ?? options.SeedFile ?? EmulatorOptions.BundledSeedPath;
        var seed = TenantSeed.Load(seedPath);
        if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls("http://127.0.0.1:5055");

        var state = new TenantState(seed, TimeProvider.System);
        var faults = new FaultInjector(options);
        var emulator = new GraphEmulator(state, options, faults);
        var app = builder.Build();
        SimulatedTenantServer.Map(app, emulator, faults);
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"Simulated tenant '{state.DisplayName}' ({state.TenantId}, {state.Users.Count} users) from {seedPath}; Graph at {string.Join(", ", app.Urls.Select(u => u + "/v1.0"))}"));
        await app.RunAsync();
    }
}
