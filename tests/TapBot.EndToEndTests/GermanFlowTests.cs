using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TapBot.Hosting;

namespace TapBot.EndToEndTests;

/// <summary>
/// A helpdesk in Munich: the same Playground, but every activity says <c>locale: de-DE</c>, as Teams does for a German
/// client. The Playground always sends en-US, so a small relay in front of TapBot changes only that field.
/// Screenshots land in artifacts/e2e/ (de-*.png).
/// </summary>
public sealed class GermanFlowTests : IAsyncLifetime
{
    private WebApplication _bot = null!;
    private WebApplication _relay = null!;
    private Playground _playground = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing: run bash scripts/install-test-deps.sh");
        _bot = await TapBotHost.BuildAsync(["--urls=http://127.0.0.1:0"], b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Issuance:ReasonPattern"] = @"^INC-\d+",
                ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "tapbot-e2e", Guid.NewGuid().ToString("N")),
            }));
        await _bot.StartAsync();
        _relay = await GermanRelayAsync(Address(_bot) + "/api/messages");
        _playground = await Playground.StartAsync(Address(_relay) + "/api/messages", "megan@contoso.com");
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _playground.DisposeAsync();
        await _relay.DisposeAsync();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task GermanApprover_GetsGermanCards_AndARefusedFormKeepsWhatSheTyped()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(_playground.Url);
        await Expect(page.GetByText("Ich bin TapBot.")).ToBeVisibleAsync();

        await SayAsync(page, "issue TAP for adele@contoso.com");
        await Expect(page.GetByText("Befristeten Zugriffspass für Adele Vance ausstellen")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "de-issue-form");

        var reason = page.GetByRole(AriaRole.Textbox, new() { Name = "Grund oder Ticketnummer" });
        await reason.FillAsync("Telefon verloren");
        await page.GetByText("Die Führungskraft von Adele Vance, zur persönlichen Übergabe").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pass ausstellen" }).ClickAsync();

        // Not a ticket number in the organization's format: the same form, in German, with what was typed and chosen.
        await Expect(page.GetByText("Der Grund muss eine Ticketnummer im Format Ihrer Organisation sein", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Grund oder Ticketnummer" })).ToHaveValueAsync("Telefon verloren");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Die Führungskraft von Adele Vance, zur persönlichen Übergabe" })).ToBeCheckedAsync();
        await ScreenshotAsync(page, "de-issue-refused-kept");
    }

    /// <summary>Forwards /api/messages to TapBot with the activity's locale (and its clientInfo entity's) set to de-DE.</summary>
    private static async Task<WebApplication> GermanRelayAsync(string target)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var relay = builder.Build();
        var http = new HttpClient();
        relay.MapPost("/api/messages", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var content = new StringContent(body.Replace("\"locale\":\"en-US\"", "\"locale\":\"de-DE\"", StringComparison.Ordinal));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(target, content);
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type) context.Response.ContentType = type.ToString();
            await response.Content.CopyToAsync(context.Response.Body);
        });
        await relay.StartAsync();
        return relay;
    }

    private static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static async Task SayAsync(IPage page, string text)
    {
        await page.Locator("[role=textbox][data-lexical-editor=true]").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Playground.RepositoryRoot(), "artifacts", "e2e");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }
}
