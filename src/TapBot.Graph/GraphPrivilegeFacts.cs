using Microsoft.Graph;
using Microsoft.Graph.Models;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Graph;

/// <summary>
/// The three places Graph shows privilege, as requests to add to a <c>$batch</c> and the mapping of their answers:
/// <c>transitiveMemberOf</c> (limited information for types the app may not read, graph-contract.md §3.8), and the
/// active and PIM-eligible role assignments (§3.9), which are the only places scoped, custom and eligible roles show.
/// </summary>
internal static class GraphPrivilegeFacts
{
    public const string MemberOf = "memberOf";
    public const string ActiveRoles = "roleAssignments";
    public const string EligibleRoles = "roleEligibility";

    /// <summary>Graph's answer for eligibility in a tenant without Entra ID P2 / ID Governance: nobody can be eligible.</summary>
    private const string NoPimLicense = "AadPremiumLicenseRequired";

    public static void AddRequests(IDictionary<string, GraphBatch.Request> requests, GraphServiceClient graph, string personId)
    {
        AddMemberOfRequest(requests, graph, personId);
        AddRoleRequests(requests, graph, personId);
    }

    /// <param name="personKey">The person's object id or UPN: transitiveMemberOf takes either.</param>
    public static void AddMemberOfRequest(IDictionary<string, GraphBatch.Request> requests, GraphServiceClient graph, string personKey) =>
        requests[MemberOf] = new("GET transitiveMemberOf", () => graph.Users[personKey].TransitiveMemberOf
            .ToGetRequestInformation(r => r.QueryParameters.Top = GraphDirectory.MaxPageSize));

    /// <param name="personId">The person's object id: Graph filters role assignments by principalId only.</param>
    public static void AddRoleRequests(IDictionary<string, GraphBatch.Request> requests, GraphServiceClient graph, string personId)
    {
        GraphBatch.RequireObjectId(personId, nameof(personId));
        var byPrincipal = $"principalId eq '{personId}'";
        requests[ActiveRoles] = new("GET roleAssignments", () => graph.RoleManagement.Directory.RoleAssignments
            .ToGetRequestInformation(r => r.QueryParameters.Filter = byPrincipal));
        requests[EligibleRoles] = new("GET roleEligibilityScheduleInstances", () => graph.RoleManagement.Directory.RoleEligibilityScheduleInstances
            .ToGetRequestInformation(r => r.QueryParameters.Filter = byPrincipal));
    }

    /// <summary>The facts from the batch's answers, and the person's whole transitiveMemberOf (the pre-flight reads policy groups from it).</summary>
    public static async Task<(PrivilegeFacts Facts, Fetched<IReadOnlyList<DirectoryObject>> MemberOf)> ReadAsync(
        IReadOnlyDictionary<string, GraphBatch.Answer> answers, GraphServiceClient graph, string personId, CancellationToken ct)
    {
        var memberOf = await AllMemberOfAsync(graph, personId,
            await GraphBatch.ReadAsync(answers[MemberOf], DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, ct), ct);
        var active = await GraphBatch.ReadAsync(answers[ActiveRoles], UnifiedRoleAssignmentCollectionResponse.CreateFromDiscriminatorValue, ct);
        var eligible = await GraphBatch.ReadAsync(answers[EligibleRoles], UnifiedRoleEligibilityScheduleInstanceCollectionResponse.CreateFromDiscriminatorValue, ct);

        var facts = new PrivilegeFacts(
            GraphBatch.Then(memberOf, items => (IReadOnlyList<DirectoryMembership>)items.Select(ToMembership).ToList()),
            GraphBatch.Then(active, page => Held(page?.Value?.Select(a => (a.RoleDefinitionId, a.DirectoryScopeId)), page?.OdataNextLink)),
            eligible.Failure?.GraphCode == NoPimLicense
                ? Fetched<HeldRoles>.Of(HeldRoles.Unlicensed)
                : GraphBatch.Then(eligible, page => Held(page?.Value?.Select(e => (e.RoleDefinitionId, e.DirectoryScopeId)), page?.OdataNextLink)));
        return (facts, memberOf);
    }

    /// <summary>
    /// A member object as TapBot reads it. Graph's limited information leaves every property but the type and id null,
    /// where a readable group always says whether it is security-enabled and a readable role names its template.
    /// </summary>
    internal static DirectoryMembership ToMembership(DirectoryObject o) => o switch
    {
        Group g => new DirectoryMembership(g.Id ?? "", MembershipKind.Group, g.SecurityEnabled is not null || g.DisplayName is not null, g.IsAssignableToRole),
        DirectoryRole r => new DirectoryMembership(r.Id ?? "", MembershipKind.DirectoryRole, r.RoleTemplateId is not null || r.DisplayName is not null,
            RoleTemplateId: r.RoleTemplateId),
        _ => new DirectoryMembership(o.Id ?? "", MembershipKind.Other, true),
    };

    /// <summary>Role assignments from one page; a page with a next link is incomplete (only the first is read).</summary>
    private static HeldRoles Held(IEnumerable<(string? RoleDefinitionId, string? DirectoryScopeId)>? items, string? nextLink) =>
        new((items ?? []).Select(i => new HeldRole(i.RoleDefinitionId ?? "", i.DirectoryScopeId ?? "/")).ToList(), Complete: nextLink is null);

    /// <summary>The first page from the batch, and any further pages (a second round trip, past 999 groups and roles).</summary>
    private static async Task<Fetched<IReadOnlyList<DirectoryObject>>> AllMemberOfAsync(
        GraphServiceClient graph, string personId, Fetched<DirectoryObjectCollectionResponse?> first, CancellationToken ct)
    {
        if (first.Failure is { } failure) return Fetched<IReadOnlyList<DirectoryObject>>.Failed(failure);
        try
        {
            return Fetched<IReadOnlyList<DirectoryObject>>.Of(await GraphDirectory.AllPagesAsync(graph, personId, first.Value, ct));
        }
        catch (EntraException e)
        {
            return Fetched<IReadOnlyList<DirectoryObject>>.Failed(e);
        }
    }
}
