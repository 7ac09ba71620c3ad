using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TapBot.Hosting;

namespace TapBot.EndToEndTests;

/// <summary>
/// The demo as a newcomer sees it: TapBot on the simulated tenant behind the Agents Playground, Megan Bowen
/// (an approver) chatting in a real browser. Screenshots land in artifacts/e2e/.
/// </summary>
public sealed class DemoSmokeTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private WebApplication _bot = null!;
    private string _botMessagesUrl = "";
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
                ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "tapbot-e2e", Guid.NewGuid().ToString("N")),
            }));
        await _bot.StartAsync();
        var botUrl = _bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _botMessagesUrl = botUrl + "/api/messages";
        _playground = await Playground.StartAsync(_botMessagesUrl, "megan@contoso.com");
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _playground.DisposeAsync();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Approver_AsksForStatus_AndSeesTheCardInTheTeamsEmulator()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(_playground.Url);

        // On load the Playground installs the app, and TapBot greets the user.
        await Expect(page.GetByText("I'm TapBot.")).ToBeVisibleAsync();
        await SayAsync(page, "TAP status for Lynne");

        await Expect(page.GetByText("TAP status — Lynne Robbins")).ToBeVisibleAsync();
        await Expect(page.GetByText("Usable now").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "status-approver");

        await SayAsync(page, "TAP status for Alex");
        await page.GetByText("Alexandra Walker (alexandra@contoso.com)").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show status" }).ClickAsync();

        await Expect(page.GetByText("Alexandra Walker has no Temporary Access Pass.")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "status-pick-list");
    }

    [Fact]
    public async Task Approver_IssuesAPass_TheCodeAppearsOnlyInTheRecipientsChat()
    {
        await using var adelesPlayground = await Playground.StartAsync(_botMessagesUrl, "adele@contoso.com");
        var adele = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await adele.GotoAsync(adelesPlayground.Url);
        await Expect(adele.GetByText("I'm TapBot.")).ToBeVisibleAsync(); // TapBot now knows Adele's personal chat

        var megan = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await megan.GotoAsync(_playground.Url);
        await Expect(megan.GetByText("I'm TapBot.")).ToBeVisibleAsync();
        await SayAsync(megan, "issue TAP for adele@contoso.com");
        await Expect(megan.GetByText("Issue a Temporary Access Pass for Adele Vance")).ToBeVisibleAsync();
        await ScreenshotAsync(megan, "issue-form");
        await megan.GetByRole(AriaRole.Textbox, new() { Name = "Reason or ticket number" }).FillAsync("INC-1001 lost phone");
        await megan.GetByRole(AriaRole.Button, new() { Name = "Issue pass" }).ClickAsync();

        await Expect(megan.GetByText("Temporary Access Pass issued for Adele Vance")).ToBeVisibleAsync();
        await Expect(adele.GetByText("Your Temporary Access Pass")).ToBeVisibleAsync();
        await ScreenshotAsync(megan, "issue-receipt");
        await ScreenshotAsync(adele, "issue-delivered");
        var code = await adele.Locator("span", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^[A-Za-z0-9+#%&=]{8}$") }).First.InnerTextAsync();
        Assert.Equal(8, code.Length);
        Assert.DoesNotContain(code, await megan.ContentAsync());
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator("[role=textbox][data-lexical-editor=true]");
        await box.ClickAsync();
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
