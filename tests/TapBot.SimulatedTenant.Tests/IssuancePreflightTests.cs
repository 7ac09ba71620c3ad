using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;
using TapBot.SimulatedTenant.Http;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Tests;

/// <summary>
/// The issue pre-flight through the real SDK's $batch against the emulator: the same answers as the single calls, in
/// one HTTP round trip (counted where requests arrive), and each request's failure mapped as the single call maps it.
/// Megan is an ordinary approver; the gateway retries twice (Graph:MaxRetries=2).
/// </summary>
public sealed class IssuancePreflightTests : GatewayTest
{
    private IIssuancePreflight Preflight => Services.GetRequiredService<IIssuancePreflight>();

    private string[] RoleIds =>
    [
        GroupId("TAP Approvers"), GroupId("TAP Privileged Approvers"),
        DirectoryRoleTemplates.AuthenticationAdministrator, DirectoryRoleTemplates.PrivilegedAuthenticationAdministrator,
    ];

    private static string[] Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.OrdinalIgnoreCase).ToArray();

    private async Task<(Preflight Found, long RoundTrips)> PreflightFor(string targetId, string requester = "megan")
    {
        var before = Server.GraphRequests;
        var found = await Preflight.GetAsync(Id(requester), RoleIds, targetId, default);
        return (found, Server.GraphRequests - before);
    }

    [Theory]
    [InlineData("adele", "member in the policy's group")]
    [InlineData("irvin", "internal guest")]
    [InlineData("grady", "external guest")]
    [InlineData("diego", "disabled")]
    [InlineData("nestor", "privileged by a role")]
    [InlineData("miriam", "privileged by a role-assignable group")]
    [InlineData("christie", "eligible for a role")]
    [InlineData("johanna", "outside the policy")]
    [InlineData("lynne", "holds a pass")]
    public async Task SameAnswersAsTheSingleCalls_InOneRoundTrip(string person, string what)
    {
        var (found, roundTrips) = await PreflightFor(Id(person));

        Assert.Equal(1, roundTrips);
        var target = Id(person);
        var policy = await Passes.GetPolicyAsync(default);
        var policyIds = policy.IncludeTargets.Concat(policy.ExcludeTargets).Select(t => t.Id).ToList();
        var privilege = await Directory.GetPrivilegeFactsAsync(target, default);
        Assert.Equal(Sorted(await Directory.GetMembershipsAsync(Id("megan"), RoleIds, default)), Sorted(found.RequesterMemberships.Value));
        Assert.Equal(await Directory.GetPersonAsync(target, default), found.Target.Value);
        Assert.Equal(JsonSerializer.Serialize(policy), JsonSerializer.Serialize(found.Policy.Value));
        Assert.Equal(Sorted(await Directory.GetMembershipsAsync(target, policyIds, default)), Sorted(found.PolicyGroupMemberships.Value));
        Assert.Equal(privilege.MemberOf.Value, found.TargetPrivilege.MemberOf.Value);
        Assert.Equal(privilege.ActiveRoles.Value.Roles, found.TargetPrivilege.ActiveRoles.Value.Roles);
        Assert.Equal(privilege.EligibleRoles.Value.Roles, found.TargetPrivilege.EligibleRoles.Value.Roles);
        Assert.Equal(await Passes.GetCurrentAsync(target, default), found.CurrentPass.Value);

        // And each case is the case it claims to be.
        var p = found.Target.Value!;
        Assert.True(what switch
        {
            "member in the policy's group" => p.UserType == "Member" && found.PolicyGroupMemberships.Value.Count == 1,
            "internal guest" => p.IsGuest && !p.IsExternalGuest,
            "external guest" => p.IsExternalGuest,
            "disabled" => !p.AccountEnabled,
            "privileged by a role" => Privileges.MemberOfRoles(found.TargetPrivilege).Contains(DirectoryRoleTemplates.GlobalAdministrator)
                                      && Privileges.Of(found.TargetPrivilege).Has(PrivilegeReason.ActiveRole),
            "privileged by a role-assignable group" => Privileges.Of(found.TargetPrivilege).Has(PrivilegeReason.RoleAssignableGroup),
            "eligible for a role" => Privileges.Of(found.TargetPrivilege).Findings.SequenceEqual([new PrivilegeFinding(PrivilegeReason.EligibleRole)]),
            "outside the policy" => found.PolicyGroupMemberships.Value.Count == 0,
            "holds a pass" => found.CurrentPass.Value is { IsUsable: true },
            _ => false,
        }, what);
        Assert.Equal([GroupId("TAP Approvers")], found.RequesterMemberships.Value);
    }

    [Fact]
    public async Task PolicyExcludingAGroup_AndAPrivilegedApprover()
    {
        var policy = Server.State.Policy;
        policy.IncludeTargets = [new SeedPolicyTarget { Id = "all_users" }];
        policy.ExcludeTargets = [new SeedPolicyTarget { Id = GroupId("Tier 0 Administrators") }];
        Server.State.ReplacePolicy(policy);

        var (miriam, roundTrips) = await PreflightFor(Id("miriam"), requester: "isaiah");
        var adele = (await PreflightFor(Id("adele"), requester: "isaiah")).Found;

        Assert.Equal(1, roundTrips);
        Assert.Equal([GroupId("Tier 0 Administrators")], miriam.PolicyGroupMemberships.Value);
        Assert.Empty(adele.PolicyGroupMemberships.Value);
        Assert.Equal(Sorted([GroupId("TAP Privileged Approvers"), DirectoryRoleTemplates.PrivilegedAuthenticationAdministrator]),
            Sorted(miriam.RequesterMemberships.Value));
    }

    [Fact]
    public async Task NobodyByThatId_IsNull_NotAnError()
    {
        var (found, roundTrips) = await PreflightFor(Guid.NewGuid().ToString());

        Assert.Equal(1, roundTrips);
        Assert.Null(found.Target.Value);
        Assert.NotEmpty(found.RequesterMemberships.Value);
    }

    [Fact]
    public async Task KnownRoles_AreNotFetchedAgain()
    {
        var found = await Preflight.GetAsync(Id("megan"), [], Id("adele"), default);

        Assert.Empty(found.RequesterMemberships.Value);
        Assert.Equal("Adele Vance", found.Target.Value!.DisplayName);
    }

    [Fact]
    public async Task NotAnObjectId_NeverReachesABatchUrl()
    {
        var before = Server.GraphRequests;

        await Assert.ThrowsAsync<ArgumentException>(() => Preflight.GetAsync(Id("megan"), RoleIds, "adele/../../policies", default));
        Assert.Equal(0, Server.GraphRequests - before);
    }

    [Fact]
    public async Task A403OnOneRequest_FailsOnlyThatPart_AsTheSingleCallWould()
    {
        Server.Faults.Add(new FaultRule { PathContains = "temporaryAccessPassMethods", Status = 403, Times = 2 });

        var (found, roundTrips) = await PreflightFor(Id("lynne"));
        var single = await Assert.ThrowsAsync<EntraException>(() => Passes.GetCurrentAsync(Id("lynne"), default));

        Assert.Equal(1, roundTrips); // a 403 is not retried
        var e = found.CurrentPass.Failure!;
        Assert.Equal((EntraFailure.AccessDenied, "accessDenied", "Request Authorization failed"), (e.Failure, e.GraphCode, e.GraphMessage));
        Assert.Equal((single.Failure, single.GraphCode, single.GraphMessage, single.Message), (e.Failure, e.GraphCode, e.GraphMessage, e.Message));
        Assert.Same(e, Assert.Throws<EntraException>(() => found.CurrentPass.Value));
        Assert.Equal("Lynne Robbins", found.Target.Value!.DisplayName);
        Assert.True(found.Policy.Value.IsEnabled);
    }

    [Fact]
    public async Task A429WithRetryAfter_InsideTheBatch_IsWaitedFor_AndOnlyThatRequestIsSentAgain()
    {
        var memberOf = new FaultRule { PathContains = "transitiveMemberOf", Status = 429, RetryAfterSeconds = 1, Times = 1 };
        var others = new FaultRule { PathContains = "temporaryAccessPassMethods", Status = 0, Times = 100 };
        Server.Faults.Add(memberOf);
        Server.Faults.Add(others);
        var clock = Stopwatch.StartNew();

        var (found, roundTrips) = await PreflightFor(Id("nestor"));

        Assert.Equal(2, roundTrips);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {clock.Elapsed}");
        Assert.Equal([DirectoryRoleTemplates.GlobalAdministrator], Privileges.MemberOfRoles(found.TargetPrivilege));
        Assert.Equal(1, others.Hits); // the pass list was answered the first time and not asked again
    }

    [Fact]
    public async Task A429BeyondTheRetries_IsThrottled_NotAnEmptyMembership()
    {
        Server.Faults.Add(new FaultRule { PathContains = "transitiveMemberOf", Status = 429, RetryAfterSeconds = 0, Times = 10 });

        var (found, roundTrips) = await PreflightFor(Id("nestor"));

        Assert.Equal(3, roundTrips); // the first try and two retries, as Graph:MaxRetries says
        Assert.Equal(EntraFailure.Throttled, Assert.Throws<EntraException>(() => Privileges.Of(found.TargetPrivilege)).Failure);
        Assert.Equal(EntraFailure.Throttled, found.PolicyGroupMemberships.Failure!.Failure); // the policy names a group
        Assert.Equal("Nestor Wilke", found.Target.Value!.DisplayName);
    }

    [Fact]
    public async Task A503OnOneRequest_IsUnavailable()
    {
        Server.Faults.Add(new FaultRule { PathContains = "authenticationMethodConfigurations", Status = 503, RetryAfterSeconds = 0, Times = 10 });

        var (found, _) = await PreflightFor(Id("adele"));

        Assert.Equal(EntraFailure.Unavailable, Assert.Throws<EntraException>(() => found.Policy.Value).Failure);
        Assert.Equal(EntraFailure.Unavailable, found.PolicyGroupMemberships.Failure!.Failure);
        Assert.False(Privileges.Of(found.TargetPrivilege).IsPrivileged);
    }

    [Fact]
    public async Task AFailedMembershipRead_DoesNotMatter_WhenThePolicyNamesNoGroup()
    {
        var policy = Server.State.Policy;
        policy.IncludeTargets = [new SeedPolicyTarget { Id = "all_users" }];
        Server.State.ReplacePolicy(policy);
        Server.Faults.Add(new FaultRule { PathContains = "transitiveMemberOf", Status = 403, Times = 1 });

        var (found, _) = await PreflightFor(Id("adele"));

        Assert.Empty(found.PolicyGroupMemberships.Value);
        Assert.Equal(EntraFailure.AccessDenied, found.TargetPrivilege.MemberOf.Failure!.Failure);
        Assert.Equal(PrivilegedTargets.GroupPermission, Privileges.Of(found.TargetPrivilege).MissingPermission); // unknown is privileged
    }

    [Theory]
    [InlineData(503, EntraFailure.Unavailable)]
    [InlineData(429, EntraFailure.Throttled)]
    public async Task TheBatchItselfFailing_FailsEveryPart(int status, EntraFailure expected)
    {
        Server.Faults.Add(new FaultRule { PathContains = "$batch", Status = status, RetryAfterSeconds = 0, Times = 10 });

        var (found, _) = await PreflightFor(Id("adele"));

        Assert.Equal(expected, Assert.Throws<EntraException>(() => found.RequesterMemberships.Value).Failure);
        Assert.Equal(expected, found.Target.Failure!.Failure);
        Assert.Equal(expected, found.CurrentPass.Failure!.Failure);
    }

    [Fact]
    public async Task ASlowGraph_TimesOut_AsUnavailable()
    {
        await using var slow = await SimulatedTenantServer.StartAsync(Seed, "http://127.0.0.1:0", new EmulatorOptions { LatencyMs = 3000 });
        await using var services = Gateway(slow.GraphBaseUrl, maxRetries: 0, timeoutSeconds: 1);

        var found = await services.GetRequiredService<IIssuancePreflight>().GetAsync(Id("megan"), RoleIds, Id("adele"), default);

        var e = Assert.Throws<EntraException>(() => found.Target.Value);
        Assert.Equal(EntraFailure.Unavailable, e.Failure);
        Assert.Contains("in time", e.Message);
    }
}
