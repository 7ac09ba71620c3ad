using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

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
        ["Limits__IssuancesPerApproverPerHour"] = "1",
        ["Limits__RequestsPerPersonPerDay"] = "1",
        ["Limits__OpenRequestsPerOperator"] = "1",
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
        Assert.Single(bodies, b => b.Contains("Adele Vance already got the most passes TapBot grants one person in a day (limit: 1 a day)"));
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
        Assert.Single(_connector.SentActivities, a => a.ToJsonString().Contains("reached the limit of refused commands in 10 minutes (3)"));
        Assert.DoesNotContain(_connector.SentActivities, a => a.ToJsonString().Contains("TAP status — "));
    }

    [Fact]
    public async Task OneApproverOnTwoInstances_IssuingForTwoPeopleAtOnce_OnlyOneIssuanceCounts()
    {
        using var http = new HttpClient();
        foreach (var upn in new[] { "adele@contoso.com", "lynne@contoso.com" })
            (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message(upn, "hi"))).EnsureSuccessStatusCode();
        var forAdele = await IssueFormAsync(http, _urls[0], "megan@contoso.com", "adele@contoso.com");
        var forLynne = await IssueFormAsync(http, _urls[1], "megan@contoso.com", "lynne@contoso.com");

        var bodies = await BodiesAsync(
            http.PostAsJsonAsync(_urls[0] + "/api/messages", IssueClick("megan@contoso.com", "adele@contoso.com", forAdele)),
            http.PostAsJsonAsync(_urls[1] + "/api/messages", IssueClick("megan@contoso.com", "lynne@contoso.com", forLynne)));

        Assert.Single(bodies, b => b.Contains("Temporary Access Pass issued for"));
        Assert.Single(bodies, b => b.Contains("granted the most passes one approver may grant in an hour (limit: 1 an hour)"));
    }

    [Fact]
    public async Task OnePersonAskingOnTwoInstancesAtOnce_OnlyOneRequestIsFiled()
    {
        using var http = new HttpClient();
        foreach (var upn in new[] { "patti@contoso.com", "lynne@contoso.com" })
            (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message(upn, "hi"))).EnsureSuccessStatusCode();
        var first = await RequestFormAsync(http, _urls[0], "lynne@contoso.com", "I lost my phone");
        var second = await RequestFormAsync(http, _urls[1], "lynne@contoso.com", "I lost my phone");

        var bodies = await BodiesAsync(
            http.PostAsJsonAsync(_urls[0] + "/api/messages", RequestClick("lynne@contoso.com", "lynne@contoso.com", first)),
            http.PostAsJsonAsync(_urls[1] + "/api/messages", RequestClick("lynne@contoso.com", "lynne@contoso.com", second)));

        Assert.Single(bodies, b => b.Contains("Waiting for"));
        Assert.Single(bodies, b => b.Contains("already asked as often as allowed in a day (limit: 1 a day)"));
    }

    [Fact]
    public async Task AnOperatorFilingForTwoPeopleOnTwoInstancesAtOnce_KeepsOneOpenRequest()
    {
        using var http = new HttpClient();
        foreach (var upn in new[] { "megan@contoso.com", "patti@contoso.com", "adele@contoso.com", "lynne@contoso.com" })
            (await http.PostAsJsonAsync(_urls[0] + "/api/messages", Message(upn, "hi"))).EnsureSuccessStatusCode();
        var forAdele = await RequestFormAsync(http, _urls[0], "alex@contoso.com", "issue TAP for adele@contoso.com");
        var forLynne = await RequestFormAsync(http, _urls[1], "alex@contoso.com", "issue TAP for lynne@contoso.com");

        var bodies = await BodiesAsync(
            http.PostAsJsonAsync(_urls[0] + "/api/messages", RequestClick("alex@contoso.com", "adele@contoso.com", forAdele)),
            http.PostAsJsonAsync(_urls[1] + "/api/messages", RequestClick("alex@contoso.com", "lynne@contoso.com", forLynne)));

        Assert.Single(bodies, b => b.Contains("Waiting for"));
        Assert.Single(bodies, b => b.Contains("waiting for a decision (limit: 1)"));
    }

    private static async Task<string[]> BodiesAsync(params Task<HttpResponseMessage>[] clicks)
    {
        var responses = await Task.WhenAll(clicks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        return await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
    }

    /// <summary>Someone types a request command; returns the id of the request form TapBot answered with.</summary>
    private async Task<string> RequestFormAsync(HttpClient http, string url, string upn, string text)
    {
        (await http.PostAsJsonAsync(url + "/api/messages", Message(upn, text))).EnsureSuccessStatusCode();
        return _connector.LastMessageIdIn("a:personal-" + _seed.Users.Single(u => u.UserPrincipalName == upn).Id);
    }

    /// <summary>"Send request" on a request form, for the person it names.</summary>
    private JsonObject RequestClick(string upn, string targetUpn, string formMessageId)
    {
        var click = IssueClick(upn, targetUpn, formMessageId);
        click["value"]!["action"]!["verb"] = "requestPass";
        click["value"]!["action"]!["data"] = new JsonObject
        {
            ["v"] = "1", ["personId"] = _seed.Users.Single(u => u.UserPrincipalName == targetUpn).Id, ["recipient"] = "person",
            ["reason"] = "INC-2001 verified by phone",
        };
        return click;
    }
}
