using System.Net;
using System.Net.Http.Json;

namespace TapBot.MultiInstanceTests;

/// <summary>
/// Two real TapBot processes on one PostgreSQL database share the abuse limits: a person's count is one count,
/// whichever instance a turn lands on, and two instances racing for the last slot cannot both get it.
/// </summary>
public sealed class SharedLimitsTests : RealProcessesTest
{
    protected override Dictionary<string, string> Settings => new()
    {
        ["Limits__PassesPerPersonPerDay"] = "1",
        ["Limits__RefusalsPerPersonPer10Minutes"] = "3",
    };

    [Fact]
    public async Task TwoApproversOnTwoInstances_IssuingForOnePersonAtOnce_OnlyOnePassIsGranted()
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message("adele@contoso.com", "hi"))).EnsureSuccessStatusCode();
        var megansForm = await IssueFormAsync(http, _urls[0], "megan@contoso.com", "adele@contoso.com");
        var isaiahsForm = await IssueFormAsync(http, _urls[1], "isaiah@contoso.com", "adele@contoso.com");

        var responses = await Task.WhenAll(
            http.PostAsJsonAsync(_urls[0] + "/api/messages", IssueClick("megan@contoso.com", "adele@contoso.com", megansForm)),
            http.PostAsJsonAsync(_urls[1] + "/api/messages", IssueClick("isaiah@contoso.com", "adele@contoso.com", isaiahsForm)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies, b => b.Contains("Temporary Access Pass issued for Adele Vance"));
        Assert.Single(bodies, b => b.Contains("Adele Vance already got 1 passes today"));
        Assert.Single(_connector.SentActivities, a => a.ToJsonString().Contains("Your Temporary Access Pass"));
    }

    [Fact]
    public async Task RefusedCommandsOverBothInstances_AreOneCount_AndThePauseIsAnsweredOnce()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 3; i++)
        {
            (await http.PostAsJsonAsync(_urls[i % 2] + "/api/messages", Message("lynne@contoso.com", "revoke TAP for adele@contoso.com"))).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, _connector.SentActivities.Count(a => a.ToJsonString().Contains("Only TAP approvers")));

        // Past the limit: both instances know it; one of them answers, once.
        var paused = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            http.PostAsJsonAsync(_urls[i % 2] + "/api/messages", Message("lynne@contoso.com", "TAP status for adele@contoso.com"))));

        Assert.All(paused, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(_connector.SentActivities, a => a.ToJsonString().Contains("hit the limit of 3 refused commands"));
        Assert.DoesNotContain(_connector.SentActivities, a => a.ToJsonString().Contains("TAP status — "));
    }
}
