using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TapBot.Domain.Ports;
using TapBot.Domain.Requests;
using TapBot.SimulatedTenant.Http;

namespace TapBot.IntegrationTests;

/// <summary>
/// "issue TAP for X" through the real host, Graph SDK and emulator: the form, the refusals, Graph's errors, and the
/// private delivery. Megan is an approver, Isaiah a privileged approver, Adele and Lynne ordinary employees.
/// </summary>
public sealed class IssuanceTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync(BotUnderTest.EverythingAtTrace(), b => b.Logging.AddProvider(_logs));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private JsonObject Choice(string upnPrefix, string lifetime = "120", string oneTime = "true", string reason = "INC-4711") =>
        IssueForms.Choice(_bot, upnPrefix, lifetime, oneTime, reason);

    private static string Text(JsonNode? node) => IssueForms.Text(node);

    private string? DeliveredCode(string upnPrefix) => IssueForms.DeliveredCode(_bot, upnPrefix);

    [Fact]
    public async Task Approver_IssuesForAColleague_TheCodeGoesOnlyToTheirPersonalChat()
    {
        await _bot.SayAsync("adele", "hi"); // Adele has opened TapBot once: her personal chat is known

        var form = (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).SingleCard();
        Assert.Contains("Issue a Temporary Access Pass for Adele Vance", Text(form));
        var lifetimes = form["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "lifetime")!["choices"]!.AsArray()
            .Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["60", "120", "240", "480"], lifetimes);
        Assert.Equal("issuePass", form["actions"]![0]!["verb"]!.GetValue<string>());

        _bot.Connector.Clear();
        var response = await _bot.ClickAsync("megan", "issuePass", Choice("adele"));

        var receipt = Text(response["value"]);
        Assert.Contains("Temporary Access Pass issued for Adele Vance", receipt);
        var code = DeliveredCode("adele");
        Assert.NotNull(code);
        Assert.Equal(8, code.Length);
        Assert.DoesNotContain(code, Text(response));
        var pass = _bot.Tenant.State.GetPass(_bot.User("adele"))!;
        Assert.Equal((120, true, true), (pass.LifetimeInMinutes, pass.IsUsableOnce, pass.IsUsable));

        // Everyone's copy of the form became the receipt; no copy outside Adele's chat carries the code.
        Assert.Contains(_bot.Connector.Calls, c => c.Method == "PUT" && Text(c.Body).Contains("Temporary Access Pass issued"));
        Assert.All(_bot.Connector.Calls.Where(c => !Uri.UnescapeDataString(c.Path).Contains("a:personal-" + _bot.User("adele").Id)),
            c => Assert.DoesNotContain(code, Text(c.Body)));
        var delivered = _bot.Connector.Calls.Single(c => Text(c.Body).Contains(code)).Body!;
        Assert.DoesNotContain(code, delivered["summary"]?.GetValue<string>() ?? "");
        Assert.Null(delivered["text"]);
    }

    [Fact]
    public async Task TwentyClicksOnOneForm_AtOnce_IssueOnePassAndDeliverOnce()
    {
        await _bot.SayAsync("adele", "hi");
        var creates = new FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = 0, Times = 1000 };
        _bot.Tenant.Faults.Add(creates);
        _bot.Connector.Clear();

        // Double clicks, impatient clicks and Teams retrying the invoke: all on the same card message.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _bot.ClickAsync("megan", "issuePass", Choice("adele"), cardMessageId: "form-message-7")));

        Assert.Equal(1, creates.Hits);
        Assert.True(_bot.Connector.Calls.Count(c => Text(c.Body).Contains("Your Temporary Access Pass")) == 1,
            string.Join("\n", _logs.Lines.Where(l => l.StartsWith("Error") || l.StartsWith("Critical")).Take(3)));
        Assert.All(responses, r => Assert.Equal(200, r["statusCode"]!.GetValue<int>()));
        Assert.Contains(responses, r => Text(r["value"]).Contains("issued for Adele Vance"));

        // A late click on the same card (as in a shared chat, by another approver) gets the same receipt, naming who
        // issued it rather than who clicked last, and creates nothing.
        var late = _bot.Invoke("isaiah", "issuePass", Choice("adele"), cardMessageId: "form-message-7");
        late["conversation"]!["id"] = "a:personal-" + _bot.User("megan").Id;
        var again = (await (await _bot.PostAsync(late)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("issued for Adele Vance", Text(again["value"]));
        Assert.Contains("Megan Bowen", Text(again["value"]));
        Assert.Equal(1, creates.Hits);
    }

    [Theory]
    [InlineData("adele", "lynne@contoso.com", "Only TAP approvers")]
    [InlineData("megan", "megan@contoso.com", "for yourself")]
    [InlineData("megan", "grady@fabrikam.com", "external guest")]
    [InlineData("megan", "diego@contoso.com", "disabled")]
    [InlineData("megan", "johanna@contoso.com", "outside the tenant's Temporary Access Pass policy")]
    [InlineData("megan", "nestor@contoso.com", "only a privileged approver")]
    [InlineData("megan", "miriam@contoso.com", "only a privileged approver")]
    public async Task Refusals_AtTheForm(string requester, string target, string expected)
    {
        var text = (await _bot.SayAsync(requester, "issue TAP for " + target)).AllText;

        Assert.Contains(expected, text);
        Assert.DoesNotContain("Issue pass", text);
    }

    [Theory]
    [InlineData("adele", "lynne", "Only TAP approvers")]
    [InlineData("megan", "megan", "for yourself")]
    [InlineData("megan", "nestor", "only a privileged approver")]
    [InlineData("megan", "johanna", "outside the tenant's Temporary Access Pass policy")]
    public async Task Refusals_AtSubmit_EvenWithAForgedForm(string requester, string target, string expected)
    {
        var passBefore = _bot.Tenant.State.GetPass(_bot.User(target));

        var response = await _bot.ClickAsync(requester, "issuePass", Choice(target));

        Assert.Contains(expected, Text(response["value"]));
        Assert.Equal(passBefore?.Id, _bot.Tenant.State.GetPass(_bot.User(target))?.Id);
    }

    [Fact]
    public async Task PrivilegedApprover_MayIssueForAnAdmin()
    {
        await _bot.SayAsync("nestor", "hi");

        var response = await _bot.ClickAsync("isaiah", "issuePass", Choice("nestor"));

        Assert.Contains("issued for Nestor Wilke", Text(response["value"]));
    }

    [Fact]
    public async Task UnreachableRecipient_IsToldBeforeAnythingIsCreated()
    {
        var lynnesPass = _bot.Tenant.State.GetPass(_bot.User("lynne"))!.Id;

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("lynne"));

        Assert.Contains("never opened a chat with TapBot", Text(response["value"]));
        Assert.Equal(lynnesPass, _bot.Tenant.State.GetPass(_bot.User("lynne"))!.Id); // her old pass is untouched
    }

    [Theory]
    [InlineData("600", "between 60 and 480")]
    [InlineData("30", "between 60 and 480")]
    public async Task LifetimeOutsideThePolicy_IsRefused(string lifetime, string expected)
    {
        await _bot.SayAsync("adele", "hi");

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("adele", lifetime));

        Assert.Contains(expected, Text(response["value"]));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("adele")));
    }

    [Fact]
    public async Task MissingReason_IsRefused()
    {
        await _bot.SayAsync("adele", "hi");

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("adele", reason: "  "));

        Assert.Contains("Give a reason", Text(response["value"]));
    }

    [Fact]
    public async Task PolicyDisabled_IsRefused()
    {
        await _bot.SayAsync("adele", "hi");
        var policy = _bot.Tenant.State.Policy;
        policy.State = "disabled";
        _bot.Tenant.State.ReplacePolicy(policy);

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("adele"));

        Assert.Contains("policy is off", Text(response["value"]));
    }

    [Theory]
    [InlineData(403, "may not create passes")]
    [InlineData(429, "busy right now")]
    [InlineData(503, "couldn't reach Microsoft Entra")]
    public async Task GraphRefusingTheCreate_LeavesNothingHalfDone(int status, string expected)
    {
        await _bot.SayAsync("adele", "hi");
        _bot.Tenant.Faults.Add(new FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = status, RetryAfterSeconds = 0, Times = 10 });
        _bot.Connector.Clear();

        var response = await _bot.ClickAsync("megan", "issuePass", Choice("adele"));

        Assert.Contains(expected, Text(response["value"]));
        Assert.Contains("No pass was created", Text(response["value"]));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("adele")));
        Assert.Null(DeliveredCode("adele"));
    }

    [Fact]
    public async Task AuditHead_IsExportedToTheLogsAndAsAGauge_WithoutThePasscode()
    {
        await _bot.SayAsync("adele", "hi");
        _bot.Connector.Clear();
        await _bot.ClickAsync("megan", "issuePass", Choice("adele"));
        var code = DeliveredCode("adele") ?? throw new InvalidOperationException("no code delivered");
        var gauge = new ConcurrentQueue<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "tapbot.audit.head_sequence") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => gauge.Enqueue(value));
        listener.Start();

        await _bot.App.Services.GetRequiredService<TapBot.Hosting.AuditHeadJob>().RunOnceAsync(default);

        await using var scope = _bot.App.Services.CreateAsyncScope();
        var head = (await scope.ServiceProvider.GetRequiredService<IAuditTrail>().HeadAsync(default))!;
        Assert.Contains(head.Sequence, gauge);
        var exported = _logs.Lines.Where(l => l.Contains("Audit chain head", StringComparison.Ordinal)).ToList();
        Assert.Contains(exported, l => l.Contains($"event {head.Sequence}, chain value {head.Hash}", StringComparison.Ordinal));
        Assert.DoesNotContain(exported, l => l.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReasonPatternTimingOut_TellsTheApprover_AndIsAuditedAndLoggedAsAConfigurationProblem()
    {
        // Nested alternation backtracks exponentially on a long run of a's that does not end as the pattern demands.
        await using var strict = await BotUnderTest.StartAsync(new() { ["Issuance:ReasonPattern"] = "^(a|aa)+$" }, b => b.Logging.AddProvider(_logs));
        await strict.SayAsync("adele", "hi");
        var data = new JsonObject { ["personId"] = strict.User("adele").Id, ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = new string('a', 60) + "!" };

        var response = await strict.ClickAsync("megan", "issuePass", data);

        Assert.Contains("reason format (Issuance:ReasonPattern) takes too long", Text(response["value"]));
        Assert.Null(strict.Tenant.State.GetPass(strict.User("adele")));
        await using var scope = strict.App.Services.CreateAsyncScope();
        var refused = (await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecentAsync(strict.User("adele").Id, 10, default))
            .Single(e => e.Kind == "IssueRefused");
        Assert.Equal("configuration problem: Issuance:ReasonPattern timed out", refused.Details["reason"]);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Configuration problem: Issuance:ReasonPattern"));
    }

    [Fact]
    public async Task SeveralIssues_WithVerboseLogs_NoCodeInLogsOrTheDatabase()
    {
        var codes = new List<string>();
        foreach (var person in new[] { "adele", "alexandra", "alex" })
        {
            await _bot.SayAsync(person, "hi");
            _bot.Connector.Clear();
            await _bot.ClickAsync("megan", "issuePass", Choice(person));
            codes.Add(DeliveredCode(person) ?? throw new InvalidOperationException("no code delivered to " + person));
        }

        await using (var scope = _bot.App.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().VerifyAsync(default);
            Assert.True(audit.Intact);
        }

        var database = Path.Combine(_bot.DataDirectory, "tapbot.db");
        var stored = File.ReadAllBytes(database).Concat(File.Exists(database + "-wal") ? File.ReadAllBytes(database + "-wal") : []).ToArray();
        var storedText = System.Text.Encoding.UTF8.GetString(stored);
        Assert.True(_logs.Lines.Count > 50, $"verbose logging captured only {_logs.Lines.Count} lines");
        foreach (var code in codes)
        {
            Assert.DoesNotContain(_logs.Lines, l => l.Contains(code, StringComparison.Ordinal));
            Assert.DoesNotContain(code, storedText, StringComparison.Ordinal);
        }
    }
}
