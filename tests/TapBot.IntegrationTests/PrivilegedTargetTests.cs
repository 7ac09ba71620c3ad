using System.Text.Json.Nodes;

namespace TapBot.IntegrationTests;

/// <summary>
/// The privileged-target rule through the real host, Graph SDK and emulator: privilege that transitiveMemberOf never
/// shows (a PIM-eligible Global Administrator, an administrative-unit-scoped role, TapBot's own approver groups)
/// stops an ordinary approver at the form, at a forged submit, at an approval click and at revocation, while a
/// privileged approver may go on. Megan and Pradeep are approvers, Isaiah a privileged approver.
/// </summary>
public sealed class PrivilegedTargetTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync() => _bot = await BotUnderTest.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private JsonObject Choice(string upnPrefix) =>
        new() { ["personId"] = _bot.User(upnPrefix).Id, ["v"] = "2", ["lifetime"] = "120", ["oneTime"] = "true", ["reason"] = "INC-4711" };

    private static string Text(JsonNode? node) => string.Join("\n", BotReplies.Strings(node));

    [Theory]
    [InlineData("megan", "christie", "Christie Cline is eligible for an administrator role in Privileged Identity Management")]
    [InlineData("megan", "lee", "Lee Gu holds an administrator role")]
    [InlineData("megan", "pradeep", "Pradeep Gupta is a TapBot approver")]
    [InlineData("pradeep", "megan", "Megan Bowen is a TapBot approver")]
    public async Task AnOrdinaryApprover_IsRefused_AtTheFormAndAtAForgedSubmit(string requester, string target, string expected)
    {
        var passBefore = _bot.PassId(target);

        var form = (await _bot.SayAsync(requester, $"issue TAP for {target}@contoso.com")).AllText;
        var submit = await _bot.ClickAsync(requester, "issuePass", Choice(target));

        Assert.Contains(expected, form);
        Assert.Contains("only a privileged approver can issue them a pass", form);
        Assert.DoesNotContain("Issue pass", form);
        Assert.Contains(expected, Text(submit["value"]));
        Assert.Equal(passBefore, _bot.PassId(target));
    }

    [Fact]
    public async Task APrivilegedApprover_MayIssueForAnEligibleAdministrator()
    {
        await _bot.SayAsync("christie", "hi");

        var response = await _bot.ClickAsync("isaiah", "issuePass", Choice("christie"));

        Assert.Contains("issued for Christie Cline", Text(response["value"]));
    }

    [Fact]
    public async Task RevokingTheScopedAdministratorsPass_NeedsAPrivilegedApprover()
    {
        var pass = _bot.Tenant.State.GetPass(_bot.User("lee"))!; // seeded
        var data = new JsonObject { ["personId"] = _bot.User("lee").Id, ["passId"] = pass.Id };

        var refused = await _bot.ClickAsync("megan", "revokePass", data);

        Assert.Contains("Lee Gu holds an administrator role; only a privileged approver can revoke their pass.", Text(refused["value"]));
        Assert.Equal(pass.Id, _bot.Tenant.State.GetPass(_bot.User("lee"))?.Id);
    }

    [Fact]
    public async Task AnEligibleAdministratorsRequest_CannotBeApprovedByAnOrdinaryApprover()
    {
        await _bot.SetApproversChannelAsync("isaiah");
        await _bot.SayAsync("christie", "I lost my phone");

        var asked = await _bot.ClickAsync("christie", "requestPass", new JsonObject { ["v"] = "1", ["reason"] = "Lost my phone", ["recipient"] = "person" });
        var request = (await _bot.PendingRequestAsync("christie"))!;

        var refused = await _bot.ClickAsync("megan", "approveRequest", new JsonObject { ["requestId"] = request.Id.ToString() });

        Assert.Contains("Waiting for", Text(asked["value"]));
        Assert.Contains("Christie Cline is eligible for an administrator role in Privileged Identity Management", Text(refused["value"]));
        Assert.Contains("only a privileged approver can decide this request", Text(refused["value"]));
        Assert.Null(_bot.Tenant.State.GetPass(_bot.User("christie")));
    }
}

/// <summary>
/// The permissions docs/deployment.md asked for before (User.Read.All alone to read the directory): Graph hides group and
/// role details, so every target counts as privileged and the refusal names the missing permission in one sentence.
/// </summary>
public sealed class MissingPermissionTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tapbot-permissions", Guid.NewGuid().ToString("N"));
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        var path = SeedFiles.WriteChanged(_folder, seed => seed["applicationPermissions"] =
            new JsonArray("User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All"));
        _bot = await BotUnderTest.StartAsync(new() { ["SimulatedTenant:SeedFile"] = path });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AnOrdinaryTarget_IsRefusedToAnOrdinaryApprover_NamingThePermission()
    {
        var text = (await _bot.SayAsync("megan", "issue TAP for adele@contoso.com")).AllText;

        Assert.Contains("TapBot can't tell whether Adele Vance is an administrator because its Graph app lacks the RoleManagement.Read.Directory permission, so only a privileged approver can issue them a pass", text);
        Assert.DoesNotContain("Issue pass", text);
    }

    [Fact]
    public async Task APrivilegedApprover_IsNotStopped()
    {
        Assert.Contains("Issue pass", (await _bot.SayAsync("isaiah", "issue TAP for adele@contoso.com")).AllText);
    }
}
