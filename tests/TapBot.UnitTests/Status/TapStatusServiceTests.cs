using Microsoft.Extensions.Time.Testing;
using TapBot.Domain;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Roles;
using TapBot.Domain.Status;

namespace TapBot.UnitTests;

public sealed class TapStatusServiceTests
{
    private const string Approvers = "approvers-group";
    private readonly FakeDirectory _directory = new();
    private readonly FakeAudit _audit = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    private TapStatusService Service() => new(_directory, _directory,
        new RoleResolver(_directory, FakeDirectory.Roles(o => o.ApproverGroupIds = [Approvers])), _audit,
        new TapBot.UnitTests.Entitlements.FakeEntitlementStore(), new TapBot.Domain.TapTenant("t", "Contoso"), _clock);

    private static Requester As(Domain.People.Person p) => new(p.Id, p.DisplayName);

    [Fact]
    public async Task Approver_SeesSomeoneElsesPass()
    {
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", Approvers);
        var lynne = _directory.Add("Lynne Robbins", "lynne@contoso.com");
        var pass = new TemporaryAccessPass("t", _clock.GetUtcNow(), _clock.GetUtcNow(), 60, true, true, "EnabledByPolicy");
        _directory.Passes[lynne.Id] = pass;

        var found = Assert.IsType<StatusOutcome.Found>(await Service().ForQueryAsync(As(megan), "lynne@contoso.com", default));

        Assert.Equal(lynne, found.Person);
        Assert.Equal(pass, found.Pass);
        Assert.Equal(_clock.GetUtcNow(), found.CheckedAt);
        var viewed = Assert.Single(_audit.Entries);
        Assert.Equal(("StatusViewed", megan.Id, lynne.Id), (viewed.Kind, viewed.ActorId, viewed.TargetId));
    }

    [Fact]
    public async Task EmployeeWithoutRole_IsRefusedForOthers_ButSeesOwn()
    {
        var adele = _directory.Add("Adele Vance", "adele@contoso.com");
        _directory.Add("Lynne Robbins", "lynne@contoso.com");

        Assert.IsType<StatusOutcome.Refused>(await Service().ForQueryAsync(As(adele), "lynne@contoso.com", default));
        Assert.IsType<StatusOutcome.Found>(await Service().ForSelfAsync(As(adele), default));
        Assert.IsType<StatusOutcome.Found>(await Service().ForQueryAsync(As(adele), "adele@contoso.com", default));
        Assert.Equal(["StatusRefused"], _audit.Entries.Select(e => e.Kind)); // own status views are not audited
    }

    [Fact]
    public async Task EmployeeWithoutRole_CannotSearchTheDirectory()
    {
        // No pick list, no "nobody found": a requester without a role learns nothing about who exists.
        var adele = _directory.Add("Adele Vance", "adele@contoso.com");
        _directory.Add("Alex Wilber", "alex@contoso.com");

        var prefix = await Service().ForQueryAsync(As(adele), "A", default);
        var unknown = await Service().ForQueryAsync(As(adele), "nobody@contoso.com", default);

        Assert.IsType<StatusOutcome.Refused>(prefix);
        Assert.Equal(prefix, unknown);
        Assert.Equal(0, _directory.Searches);
    }

    [Fact]
    public async Task SeveralPrefixMatches_AreAmbiguous_ButAUniqueExactNameWins()
    {
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", Approvers);
        _directory.Add("Lee Gu", "lee@contoso.com");
        _directory.Add("Lee Guerrero", "leeg@contoso.com");

        Assert.IsType<PersonLookup.Ambiguous>(Assert.IsType<StatusOutcome.Unresolved>(await Service().ForQueryAsync(As(megan), "Lee", default)).Lookup);
        Assert.Equal("Lee Gu", Assert.IsType<StatusOutcome.Found>(await Service().ForQueryAsync(As(megan), "lee gu", default)).Person.DisplayName);
    }

    [Fact]
    public async Task TwoPeopleWithTheSameDisplayName_StayAmbiguous()
    {
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", Approvers);
        _directory.Add("Sam Lee", "sam1@contoso.com");
        _directory.Add("Sam Lee", "sam2@contoso.com");

        var ambiguous = Assert.IsType<PersonLookup.Ambiguous>(Assert.IsType<StatusOutcome.Unresolved>(await Service().ForQueryAsync(As(megan), "Sam Lee", default)).Lookup);

        Assert.Equal(2, ambiguous.Candidates.Count);
    }

    [Fact]
    public async Task ManyMatches_OfferAtMostTen()
    {
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", Approvers);
        for (var i = 0; i < 15; i++) _directory.Add($"Chris {i:00}", $"chris{i}@contoso.com");

        var ambiguous = Assert.IsType<PersonLookup.Ambiguous>(Assert.IsType<StatusOutcome.Unresolved>(await Service().ForQueryAsync(As(megan), "Chris", default)).Lookup);

        Assert.Equal(TapStatusService.MaxCandidates, ambiguous.Candidates.Count);
    }

    [Fact]
    public async Task PickById_RejectsNonGuidsWithoutCallingTheDirectory()
    {
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", Approvers);

        Assert.IsType<StatusOutcome.Refused>(await Service().ForPersonIdAsync(As(megan), "megan@contoso.com' or 1 eq 1", default));
        Assert.Equal(0, _directory.MembershipCalls);
        Assert.Equal(0, _directory.PersonLookups);
    }

    [Fact]
    public async Task NotFound_CarriesTheCleanedQuery()
    {
        var megan = _directory.Add("Megan Bowen", "megan@contoso.com", Approvers);

        var notFound = Assert.IsType<PersonLookup.NotFound>(Assert.IsType<StatusOutcome.Unresolved>(await Service().ForQueryAsync(As(megan), " <b>Zed</b> ", default)).Lookup);

        Assert.Equal("Zed", notFound.Query);
    }
}

public sealed class RoleResolverTests
{
    [Fact]
    public async Task Roles_ComeFromGroupsAndRoleTemplates_InOneCall()
    {
        var directory = new FakeDirectory();
        var isaiah = directory.Add("Isaiah", "isaiah@contoso.com", DirectoryRoleTemplates.PrivilegedAuthenticationAdministrator, "auditors");
        var resolver = new RoleResolver(directory, FakeDirectory.Roles(o => o.AuditorGroupIds = ["auditors"]));

        var roles = await resolver.GetRolesAsync(isaiah.Id, default);

        Assert.Equal(TapRoles.PrivilegedApprover | TapRoles.Auditor, roles);
        Assert.True(roles.CanApprove());
        Assert.Equal(1, directory.MembershipCalls);
    }

    [Fact]
    public async Task NoConfiguredRoles_MeansNobodyHasOne()
    {
        var directory = new FakeDirectory();
        var p = directory.Add("P", "p@contoso.com", DirectoryRoleTemplates.AuthenticationAdministrator);
        var resolver = new RoleResolver(directory, FakeDirectory.Roles(o =>
        {
            o.ApproverRoleTemplateIds = [];
            o.PrivilegedApproverRoleTemplateIds = [];
        }));

        Assert.Equal(TapRoles.None, await resolver.GetRolesAsync(p.Id, default));
        Assert.Equal(0, directory.MembershipCalls);
    }

    [Fact]
    public async Task GlobalAdministrator_IsNotAnApproverByDefault()
    {
        var directory = new FakeDirectory();
        var nestor = directory.Add("Nestor", "nestor@contoso.com", DirectoryRoleTemplates.GlobalAdministrator);

        Assert.Equal(TapRoles.None, await new RoleResolver(directory, FakeDirectory.Roles()).GetRolesAsync(nestor.Id, default));
    }
}
