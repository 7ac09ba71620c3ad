using System.Text.Json.Nodes;
using TapBot.Cli;
using TapBot.SimulatedTenant;

namespace TapBot.IntegrationTests;

/// <summary>
/// <c>doctor</c> against the simulated tenant: green on the bundled Contoso seed, and red, with the right fix, on
/// seeds and settings built to break each check.
/// </summary>
public sealed class DoctorTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tapbot-doctor", Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Output)> DoctorAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await DoctorCommand.RunAsync([$"--Storage:DataDirectory={_folder}", .. args], output);
        return (exit, output.ToString());
    }

    /// <summary>A copy of the Contoso seed (and its TapBot settings) with one thing changed.</summary>
    private string Seed(Action<JsonObject> change) => $"--SimulatedTenant:SeedFile={SeedFiles.WriteChanged(_folder, change)}";

    private static string Line(string output, string check) =>
        output.Split('\n').First(l => l.Contains(check, StringComparison.Ordinal) && (l.Contains("PASS") || l.Contains("FAIL") || l.Contains("WARN") || l.Contains("SKIP")));

    [Fact]
    public async Task BundledTenant_PassesEveryCheck()
    {
        var (exit, output) = await DoctorAsync();

        Assert.Equal(0, exit);
        Assert.Contains("checks passed", output);
        Assert.DoesNotContain("FAIL", output);
        foreach (var check in new[] { "Read users", "Check role membership", "Read passes", "Issue and revoke passes", "Read group details", "Read directory roles", "Read PIM eligibility", "Read TAP policy", "TAP policy enabled", "TAP policy scope", "Storage" })
        {
            Assert.StartsWith("  PASS", Line(output, check));
        }

        Assert.Contains("WARN   Bot registration", output);
    }

    [Fact]
    public async Task PolicyDisabled_FailsWithTheAdminCenterFix()
    {
        var (exit, output) = await DoctorAsync(Seed(s => s["temporaryAccessPassPolicy"]!["state"] = "disabled"));

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, "TAP policy enabled"));
        Assert.Contains("Authentication methods", output);
    }

    [Fact]
    public async Task PolicyIncludingNobody_Fails()
    {
        var (exit, output) = await DoctorAsync(Seed(s => s["temporaryAccessPassPolicy"]!["includeTargets"] = new JsonArray()));

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, "TAP policy scope"));
    }

    [Fact]
    public async Task MissingWritePermission_FailsNamingThePermission()
    {
        var (exit, output) = await DoctorAsync(Seed(s => s["applicationPermissions"] = new JsonArray(
            "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All")));

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, "Issue and revoke passes"));
        Assert.StartsWith("  PASS", Line(output, "Read passes"));
        Assert.Contains("add the Microsoft Graph application permission UserAuthenticationMethod.ReadWrite.All", output);
    }

    [Fact]
    public async Task PermissionsThePrivilegeRuleNeeds_FailNamingThem()
    {
        // What the guide asked for before: enough to issue, not enough to see who is an administrator.
        var (exit, output) = await DoctorAsync(Seed(s => s["applicationPermissions"] = new JsonArray(
            "User.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All")));

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, "Read group details"));
        Assert.StartsWith("  FAIL", Line(output, "Read directory roles"));
        Assert.StartsWith("  FAIL", Line(output, "Read PIM eligibility"));
        Assert.Contains("the application permission GroupMember.Read.All is missing", output);
        Assert.Contains("the application permission RoleManagement.Read.Directory is missing", output);
        Assert.Contains("treats everyone as privileged", output);
    }

    [Fact]
    public async Task ATenantWithoutPim_PassesTheEligibilityCheck_SayingSo()
    {
        var (_, output) = await DoctorAsync(Seed(s => s["entraIdP2"] = false));

        Assert.StartsWith("  PASS", Line(output, "Read PIM eligibility"));
        Assert.Contains("no Entra ID P2 or ID Governance license", output);
    }

    [Fact]
    public async Task MissingReadPermissions_FailEachCheck()
    {
        var (exit, output) = await DoctorAsync(Seed(s => s["applicationPermissions"] = new JsonArray("User.Read.All")));

        Assert.Equal(1, exit);
        // checkMemberObjects needs only User.Read.All (graph-contract.md §3.4); the rest need their own permission.
        Assert.StartsWith("  PASS", Line(output, "Check role membership"));
        foreach (var check in new[] { "Read passes", "Read TAP policy", "Roles:ApproverGroupIds" })
        {
            Assert.StartsWith("  FAIL", Line(output, check));
        }
    }

    [Fact]
    public async Task ConfiguredGroupThatDoesNotExist_FailsNamingTheSetting()
    {
        var ghost = Guid.NewGuid().ToString();

        var (exit, output) = await DoctorAsync($"--Roles:AuditorGroupIds:0={ghost}");

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, ghost));
        Assert.Contains("Fix Roles:AuditorGroupIds", output);
    }

    [Fact]
    public async Task InvalidConfiguration_FailsWithoutAStackTrace()
    {
        var (exit, output) = await DoctorAsync("--Roles:ApproverGroupIds:0=approvers");

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, "Configuration"));
        Assert.Contains("Roles:ApproverGroupIds contains 'approvers'", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task UnreachableGraph_Fails()
    {
        var (exit, output) = await DoctorAsync("--Graph:Mode=Simulated", "--Graph:BaseUrl=http://127.0.0.1:9/v1.0", "--Graph:MaxRetries=0");

        Assert.Equal(1, exit);
        Assert.Contains("Graph did not answer", Line(output, "Read users"));
    }

    [Fact]
    public async Task UnwritableDataFolder_FailsStorage()
    {
        var (exit, output) = await DoctorAsync("--Storage:DataDirectory=/proc/tapbot-cannot-write-here");

        Assert.Equal(1, exit);
        Assert.StartsWith("  FAIL", Line(output, "Storage"));
    }
}
