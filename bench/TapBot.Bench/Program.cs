using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TapBot.Hosting;

// Starts TapBot (anonymous, simulated tenant) on --port, plus a minimal Bot Connector stand-in on --connector-port
// that acknowledges every reply. --variant stock swaps in Bot Framework's stock authentication, which builds and
// disposes a connector client every turn; the default keeps TapBot's reuse. bench/run.sh drives both with wrk.
var variant = Arg("--variant") ?? "reuse";
var port = Arg("--port") ?? "3979";
var connectorPort = Arg("--connector-port") ?? "3990";

var connector = WebApplication.CreateSlimBuilder();
connector.WebHost.UseUrls($"http://127.0.0.1:{connectorPort}");
connector.Logging.ClearProviders();
var connectorApp = connector.Build();
var replyBody = "{\"id\":\"1\"}"u8.ToArray();
connectorApp.MapPost("/v3/conversations/{**rest}", async (HttpContext http) =>
{
    http.Response.StatusCode = 201;
    http.Response.ContentType = "application/json";
    await http.Response.Body.WriteAsync(replyBody);
});
await connectorApp.StartAsync();

var bot = await TapBotHost.BuildAsync([$"--urls=http://127.0.0.1:{port}"], builder =>
{
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Error",
        ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "tapbot-bench", variant),
    });
    if (variant == "stock")
    {
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            new ConfigurationBuilder().Build(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
    }
});
Console.WriteLine($"variant={variant} bot=http://127.0.0.1:{port} connector=http://127.0.0.1:{connectorPort}");
await bot.RunAsync();
await connectorApp.StopAsync();

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
