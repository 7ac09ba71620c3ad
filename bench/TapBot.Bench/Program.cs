using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TapBot.Hosting;

// Starts TapBot (anonymous, simulated tenant) on --port; replies go to the serviceUrl in each activity (bench/run.sh
// points it at bench/ConnectorStub). --variant stock swaps in Bot Framework's stock authentication, which builds and
// disposes a connector client every turn; the default keeps TapBot's reuse. --graph-latency-ms adds a Graph round
// trip's latency to every emulator request. --flows N times the issue and approval flows N times (bench/TapBot.Bench/Flows.cs),
// prints their latencies and exits; replies go to CONNECTOR_URL.
var variant = Arg("--variant") ?? "reuse";
var port = Arg("--port") ?? "3979";
var graphLatency = Arg("--graph-latency-ms") ?? "0";

var bot = await TapBotHost.BuildAsync([$"--urls=http://127.0.0.1:{port}"], builder =>
{
    builder.Logging.ClearProviders();
    if (Arg("--flows") is not null) builder.Logging.AddConsole(); // errors only: a failing flow says why
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Error",
        ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "tapbot-bench", variant + "-" + port),
        ["SimulatedTenant:LatencyMs"] = graphLatency,
        // The flows issue and request hundreds of passes for the same people: the abuse limits stay on (their ledger
        // is part of every grant's cost) but high enough never to refuse.
        ["Limits:PassesPerPersonPerDay"] = "10000",
        ["Limits:IssuancesPerApproverPerHour"] = "10000",
        ["Limits:OpenRequestsPerOperator"] = "10000",
        ["Limits:RequestsPerPersonPerDay"] = "10000",
    });
    if (variant == "stock")
    {
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            new ConfigurationBuilder().Build(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
    }
});
if (Arg("--flows") is { } flows)
{
    await bot.StartAsync();
    await bot.Services.GetRequiredService<WarmUp>().Done;
    await Flows.RunAsync(bot, $"http://127.0.0.1:{port}/", Environment.GetEnvironmentVariable("CONNECTOR_URL") ?? "http://127.0.0.1:3990/", int.Parse(flows));
    await bot.StopAsync();
    return;
}

Console.WriteLine($"variant={variant} bot=http://127.0.0.1:{port}");
await bot.RunAsync();

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
