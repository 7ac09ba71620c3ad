using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TapBot.Domain.Ports;
using TapBot.SimulatedTenant.Http;

namespace TapBot.MultiInstanceTests;

/// <summary>
/// kill -9 a TapBot process in the middle of issuing, at two points, then start another: nothing is left
/// half-done. The pass the request recorded, whose code reached nobody, is deleted, and the request says why; a pass
/// it never recorded is left alone, because it may be another approver's.
/// </summary>
public sealed class CrashRecoveryTests : RealProcessesTest
{
    protected override int Instances => 1;

    protected override Dictionary<string, string> Settings => new() { ["Issuance__RecoverAfterSeconds"] = "1" };

    /// <summary>The status of the request an approver made (each test has one per approver).</summary>
    private async Task<string?> RequestStatusAsync(string requesterUpn = "megan@contoso.com")
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "Status" FROM access_requests WHERE "RequesterId" = @id""", connection);
        query.Parameters.AddWithValue("id", _seed.Users.Single(u => u.UserPrincipalName == requesterUpn).Id);
        return await query.ExecuteScalarAsync() as string;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }

        Assert.Fail("Timed out waiting for " + what);
    }

    [Theory]
    [InlineData("while Graph creates the pass", "POST", "temporaryAccessPassMethods", "Approved")]
    [InlineData("after the pass exists, before delivery", "GET", "/manager-never-called", "Issued")]
    public async Task KilledMidIssue_TheNextInstanceDeletesTheRecordedPass(string when, string method, string path, string statusAtKill)
    {
        using var http = new HttpClient();
        var adele = _seed.Users.Single(u => u.UserPrincipalName == "adele@contoso.com");
        (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message("adele@contoso.com", "hi"))).EnsureSuccessStatusCode();
        var form = await IssueFormAsync(http, _urls[0], "megan@contoso.com", "adele@contoso.com");
        var slowCreate = new FaultRule { Method = method, PathContains = path, Status = 0, DelayMs = 3000, Times = 1 };
        if (statusAtKill == "Approved")
        {
            _tenant.Faults.Add(slowCreate);
        }
        else
        {
            _connector.Delay("a:personal-" + adele.Id, TimeSpan.FromSeconds(5));
        }

        _ = http.PostAsJsonAsync(_urls[0] + "/api/messages", IssueClick("megan@contoso.com", "adele@contoso.com", form)); // never completes: the bot dies
        await WaitUntilAsync(async () => await RequestStatusAsync() == statusAtKill, $"the request to reach {statusAtKill} ({when})");
        if (statusAtKill == "Approved") await WaitUntilAsync(() => Task.FromResult(slowCreate.Hits == 1), "Graph to receive the create");
        Bots[0].Kill(entireProcessTree: true);
        await Bots[0].WaitForExitAsync();
        await WaitUntilAsync(() => Task.FromResult(_tenant.State.GetPass(_tenant.State.GetUser(adele.Id)) is not null), "the emulator to finish creating the pass");

        _urls.Add(await StartBotAsync()); // a new instance, as after a restart

        await WaitUntilAsync(async () => await RequestStatusAsync() == "Failed", "the recovery job");
        await using var storage = Storage();
        async Task<T> Audit<T>(Func<IAuditTrail, Task<T>> read)
        {
            await using var scope = storage.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<IAuditTrail>());
        }

        // The request is saved first, then audited: wait for the audit line too.
        await WaitUntilAsync(async () => (await Audit(a => a.RecentAsync(adele.Id, 20, default))).Any(e => e.Kind == "IssueRecovered"), "the audit event");
        // Killed before Graph answered, the request never learnt the pass's id: that pass (whose code nobody has) stays.
        Assert.Equal(statusAtKill == "Approved", _tenant.State.GetPass(_tenant.State.GetUser(adele.Id)) is not null);
        Assert.True((await Audit(a => a.VerifyAsync(default))).Intact);
        // Killed before Graph answered, nobody ever gets a code; killed while delivering, only the dead instance's one
        // attempt may have reached Teams: the new instance delivers nothing.
        var codesSent = _connector.Calls.Count(c => c.Body?.ToJsonString().Contains("Your Temporary Access Pass") == true);
        Assert.InRange(codesSent, 0, statusAtKill == "Approved" ? 0 : 1);
    }

    [Fact]
    public async Task KilledWhileGraphCreates_AnotherApproversLaterPass_IsNeverDeleted()
    {
        using var http = new HttpClient();
        var adele = _tenant.State.GetUser(_seed.Users.Single(u => u.UserPrincipalName == "adele@contoso.com").Id);
        _urls.Add(await StartBotAsync()); // a second instance, up before the crash
        (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message("adele@contoso.com", "hi"))).EnsureSuccessStatusCode();
        var megansForm = await IssueFormAsync(http, _urls[0], "megan@contoso.com", "adele@contoso.com");
        var slowCreate = new FaultRule { Method = "POST", PathContains = "temporaryAccessPassMethods", Status = 0, DelayMs = 3000, Times = 1 };
        _tenant.Faults.Add(slowCreate);
        _ = http.PostAsJsonAsync(_urls[0] + "/api/messages", IssueClick("megan@contoso.com", "adele@contoso.com", megansForm)); // the bot dies
        await WaitUntilAsync(() => Task.FromResult(slowCreate.Hits == 1), "Graph to receive Megan's create");
        Bots[0].Kill(entireProcessTree: true);
        await Bots[0].WaitForExitAsync();
        await WaitUntilAsync(() => Task.FromResult(_tenant.State.GetPass(adele) is not null), "the emulator to finish creating Megan's pass");

        // Isaiah, another approver, issues Adele a pass through the surviving instance; it replaces the orphan.
        var isaiahsForm = await IssueFormAsync(http, _urls[1], "isaiah@contoso.com", "adele@contoso.com");
        (await http.PostAsJsonAsync(_urls[1] + "/api/messages", IssueClick("isaiah@contoso.com", "adele@contoso.com", isaiahsForm))).EnsureSuccessStatusCode();
        Assert.Equal("Delivered", await RequestStatusAsync("isaiah@contoso.com"));
        var isaiahsPass = _tenant.State.GetPass(adele)!.Id;

        _urls.Add(await StartBotAsync()); // a restart: its recovery job runs at once

        await WaitUntilAsync(async () => await RequestStatusAsync() == "Failed", "the recovery job");
        await Task.Delay(1000); // recovery deletes after saving: give a wrong delete its chance to show
        Assert.Equal(isaiahsPass, _tenant.State.GetPass(adele)?.Id);
    }
}
