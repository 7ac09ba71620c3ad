using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TapBot.IntegrationTests;

/// <summary>
/// The redaction job rewrites a delivered passcode card without the code once the code is useless. Time is a
/// fake clock the test moves on, so nobody waits an hour.
/// </summary>
public sealed class RedactionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotUnderTest.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task IssueAsync(string upnPrefix, string lifetime = "60")
    {
        await _bot.SayAsync(upnPrefix, "hi");
        await _bot.ClickAsync("megan", "issuePass", new JsonObject
        {
            ["personId"] = _bot.User(upnPrefix).Id, ["v"] = "2", ["lifetime"] = lifetime, ["oneTime"] = "true", ["reason"] = "INC-1",
        });
    }

    /// <summary>Waits for the bot to rewrite a card in the person's personal chat and returns its text.</summary>
    private async Task<string?> RedactionOfAsync(string upnPrefix)
    {
        var conversation = "a:personal-" + _bot.User(upnPrefix).Id;
        for (var i = 0; i < 100; i++)
        {
            var put = _bot.Connector.Calls.FirstOrDefault(c => c.Method == "PUT" && Uri.UnescapeDataString(c.Path).Contains(conversation));
            if (put is not null) return string.Join("\n", BotReplies.Strings(put.Body));
            await Task.Delay(100);
        }

        return null;
    }

    [Fact]
    public async Task AUsedOneTimePass_IsRedacted()
    {
        await IssueAsync("adele");
        _bot.Connector.Clear();
        using var control = new HttpClient();
        (await control.PostAsync($"{_bot.Tenant.Address}/_simulator/users/{_bot.User("adele").Id}/temporaryAccessPass/use", null)).EnsureSuccessStatusCode();

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("Temporary Access Pass used", await RedactionOfAsync("adele"));
    }

    [Fact]
    public async Task AnExpiredPass_IsRedacted_AndAFreshOneIsNot()
    {
        await IssueAsync("adele", "60");
        await IssueAsync("alexandra", "480");
        _bot.Connector.Clear();

        _clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Contains("Temporary Access Pass expired", await RedactionOfAsync("adele"));
        Assert.DoesNotContain(_bot.Connector.Calls, c => c.Method == "PUT" && Uri.UnescapeDataString(c.Path).Contains(_bot.User("alexandra").Id));
    }

    [Fact]
    public async Task ARewriteTeamsRefused_IsNotMarkedRedacted_AndIsTriedAgain()
    {
        await IssueAsync("adele");
        var passId = _bot.PassId("adele")!;
        using var control = new HttpClient();
        (await control.PostAsync($"{_bot.Tenant.Address}/_simulator/users/{_bot.User("adele").Id}/temporaryAccessPass/use", null)).EnsureSuccessStatusCode();
        _bot.Connector.RefuseUpdates = true;
        _bot.Connector.Clear();

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Temporary Access Pass used", await RedactionOfAsync("adele")); // tried, and refused by Teams
        await Task.Delay(500);
        Assert.Null((await RequestOfAsync(passId))!.Delivery!.RedactedAt);

        _bot.Connector.RefuseUpdates = false;
        _bot.Connector.Clear();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("Temporary Access Pass used", await RedactionOfAsync("adele"));
        for (var i = 0; i < 50 && (await RequestOfAsync(passId))!.Delivery!.RedactedAt is null; i++) await Task.Delay(100);
        Assert.NotNull((await RequestOfAsync(passId))!.Delivery!.RedactedAt);
    }

    private async Task<TapBot.Domain.Requests.AccessRequest?> RequestOfAsync(string passId)
    {
        await using var scope = _bot.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TapBot.Domain.Ports.IRequestStore>().FindByPassIdAsync(passId, default);
    }
}
