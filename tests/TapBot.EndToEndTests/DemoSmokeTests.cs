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
/// (an approver) chatting in a real browser, the default delivery (reveal on demand). Screenshots land in artifacts/e2e/.
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
        foreach (var playground in _extra) await playground.DisposeAsync();
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
    public async Task Approver_IssuesAPass_TheRecipientShowsTheCode_OnlyInHerChat()
    {
        await using var adelesPlayground = await Playground.StartAsync(_botMessagesUrl, "adele@contoso.com");
        var adele = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await adele.GotoAsync(adelesPlayground.Url);
        await Expect(adele.GetByText("I'm TapBot.")).ToBeVisibleAsync();
        await IntroduceAsync(adele);

        var megan = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await megan.GotoAsync(_playground.Url);
        await Expect(megan.GetByText("I'm TapBot.")).ToBeVisibleAsync();
        await SayAsync(megan, "issue TAP for adele@contoso.com");
        await Expect(megan.GetByText("Issue a Temporary Access Pass for Adele Vance")).ToBeVisibleAsync();
        await ScreenshotAsync(megan, "issue-form");
        await megan.GetByRole(AriaRole.Textbox, new() { Name = "Reason or ticket number" }).FillAsync("INC-1001 lost phone");
        await megan.GetByRole(AriaRole.Button, new() { Name = "Issue pass" }).ClickAsync();

        // Approved: Adele's chat gets a card without a code; no pass exists until she presses Show code.
        await Expect(megan.GetByText("Temporary Access Pass approved for Adele Vance")).ToBeVisibleAsync();
        await Expect(adele.GetByText("A Temporary Access Pass is ready for you")).ToBeVisibleAsync();
        await ScreenshotAsync(megan, "issue-receipt");
        await ScreenshotAsync(adele, "reveal-before");
        Assert.Equal(0, await adele.Locator("span", new() { HasTextRegex = Code() }).CountAsync());

        await adele.GetByRole(AriaRole.Button, new() { Name = "Show code" }).ClickAsync();
        await Expect(adele.GetByText("Your Temporary Access Pass")).ToBeVisibleAsync();
        await ScreenshotAsync(adele, "reveal-after");
        var code = await adele.Locator("span", new() { HasTextRegex = Code() }).First.InnerTextAsync();
        Assert.Equal(8, code.Length);
        Assert.DoesNotContain(code, await megan.ContentAsync());

        // Revoking deletes the pass the reveal created.
        await SayAsync(megan, "revoke TAP for adele@contoso.com");
        await megan.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(megan.GetByText("Temporary Access Pass revoked for Adele Vance")).ToBeVisibleAsync();
        await ScreenshotAsync(megan, "revoke-confirmed");
    }

    private static System.Text.RegularExpressions.Regex Code() => new("^[A-Za-z0-9+#%&=]{8}$");

    [Fact]
    public async Task Employee_AsksForRecoveryHelp_HerManagerApproves_SheShowsTheCode()
    {
        var (lynne, patti) = await OpenAsync("lynne@contoso.com", "patti@contoso.com");

        await SayAsync(lynne, "I lost my phone");
        await Expect(lynne.GetByText("Ask for a Temporary Access Pass")).ToBeVisibleAsync();
        await lynne.GetByRole(AriaRole.Textbox, new() { Name = "What happened?" }).FillAsync("Phone fell in the lake");
        await ScreenshotAsync(lynne, "recovery-form");
        await lynne.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(lynne.GetByText("Waiting for Patti Fernandez (your manager)").First).ToBeVisibleAsync();

        await Expect(patti.GetByText("Lynne Robbins asks for a Temporary Access Pass").First).ToBeVisibleAsync();
        await ScreenshotAsync(patti, "recovery-approval-card");
        await patti.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Expect(patti.GetByText("Approved by Patti Fernandez").First).ToBeVisibleAsync();
        await Expect(lynne.GetByText("A Temporary Access Pass is ready for you")).ToBeVisibleAsync();
        await Expect(lynne.GetByText("Approved by Patti Fernandez").First).ToBeVisibleAsync();
        await ScreenshotAsync(patti, "recovery-approved");
        await lynne.GetByRole(AriaRole.Button, new() { Name = "Show code" }).ClickAsync();
        await Expect(lynne.GetByText("Your Temporary Access Pass")).ToBeVisibleAsync();
        await ScreenshotAsync(lynne, "recovery-delivered");
    }

    [Fact]
    public async Task Manager_DeniesWithAReason_TheEmployeeSeesWhy()
    {
        // Lynne, not Lee: Lee holds an administrative-unit-scoped role, so only a privileged approver may decide for him.
        var (lynne, patti) = await OpenAsync("lynne@contoso.com", "patti@contoso.com");

        await SayAsync(lynne, "request TAP");
        await lynne.GetByRole(AriaRole.Textbox, new() { Name = "What happened?" }).FillAsync("New phone");
        await lynne.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(patti.GetByText("Lynne Robbins asks for a Temporary Access Pass").First).ToBeVisibleAsync();

        await patti.GetByRole(AriaRole.Textbox, new() { Name = "Reason (needed to deny)" }).FillAsync("Come to the service desk with your badge");
        await patti.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();

        await Expect(patti.GetByText("Denied by Patti Fernandez").First).ToBeVisibleAsync();
        await Expect(lynne.GetByText("Denied by Patti Fernandez").First).ToBeVisibleAsync();
        await Expect(lynne.GetByText("Come to the service desk with your badge").First).ToBeVisibleAsync();
        await ScreenshotAsync(patti, "deny-decided");
        await ScreenshotAsync(lynne, "deny-requester");
    }

    [Fact]
    public async Task NonApprover_TriesToIssue_AndIsRefused()
    {
        var (adele, _) = await OpenAsync("adele@contoso.com", null);

        await SayAsync(adele, "issue TAP for lynne@contoso.com");

        await Expect(adele.GetByText("Only TAP approvers can issue a Temporary Access Pass")).ToBeVisibleAsync();
        await ScreenshotAsync(adele, "refused-non-approver");
    }

    private readonly List<Playground> _extra = [];

    /// <summary>Opens each person's own Playground in its own page, waits for TapBot's greeting and introduces them.</summary>
    private async Task<(IPage First, IPage Second)> OpenAsync(string first, string? second)
    {
        async Task<IPage> Open(string upn)
        {
            var playground = await Playground.StartAsync(_botMessagesUrl, upn);
            _extra.Add(playground);
            var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
            await page.GotoAsync(playground.Url);
            await Expect(page.GetByText("I'm TapBot.")).ToBeVisibleAsync();
            await IntroduceAsync(page);
            return page;
        }

        return (await Open(first), second is null ? null! : await Open(second));
    }

    /// <summary>
    /// The person writes to TapBot, which then knows their personal chat (it records chats from messages and clicks
    /// only). Each Playground is its own Bot Connector with its own service URL, so TapBot could not open the chat
    /// from another person's, as it would in Teams.
    /// </summary>
    private static async Task IntroduceAsync(IPage page)
    {
        await SayAsync(page, "help");
        await Expect(page.GetByText("What you can type")).ToHaveCountAsync(2); // the greeting's help card, then the answer's
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
