using Microsoft.Graph;
using Microsoft.Graph.Users.Item.CheckMemberObjects;
using TapBot.Domain.People;
using Person = TapBot.Domain.People.Person;
using User = Microsoft.Graph.Models.User;
using DirectoryObject = Microsoft.Graph.Models.DirectoryObject;
using DirectoryObjectCollectionResponse = Microsoft.Graph.Models.DirectoryObjectCollectionResponse;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Graph;

/// <summary><see cref="IDirectory"/> over Microsoft Graph: users, and transitive group and role membership.</summary>
internal sealed class GraphDirectory(GraphServiceClient graph, GraphBatch batch) : IDirectory
{
    internal static readonly string[] PersonProperties = ["id", "userPrincipalName", "mail", "displayName", "userType", "accountEnabled", "jobTitle"];

    /// <summary>checkMemberObjects takes at most 20 ids per call.</summary>
    internal const int MaxIdsPerCheck = 20;

    /// <summary>The largest page transitiveMemberOf serves.</summary>
    internal const int MaxPageSize = 999;

    public async Task<Person?> GetPersonAsync(string idOrUserPrincipalName, CancellationToken ct)
    {
        try
        {
            var user = await GraphErrors.Guard("GET user", () =>
                graph.Users[idOrUserPrincipalName].GetAsync(r => r.QueryParameters.Select = PersonProperties, ct));
            return user is null ? null : ToPerson(user);
        }
        catch (EntraException e) when (GraphErrors.IsNotFound(e.InnerException!))
        {
            return null;
        }
    }

    public async Task<Person?> GetManagerAsync(string personId, CancellationToken ct)
    {
        try
        {
            // The manager is a directoryObject; selecting the person properties returns a user's fields.
            var manager = await GraphErrors.Guard("GET manager", () =>
                graph.Users[personId].Manager.GetAsync(r => r.QueryParameters.Select = PersonProperties, ct));
            return manager is User user ? ToPerson(user) : null;
        }
        catch (EntraException e) when (GraphErrors.IsNotFound(e.InnerException!))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Person>> FindPeopleAsync(PersonQuery query, int max, CancellationToken ct)
    {
        var text = query.Text.Replace("'", "''");
        var filter = query.IsAddress
            ? $"userPrincipalName eq '{text}' or mail eq '{text}'"
            : $"startsWith(displayName,'{text}') or startsWith(givenName,'{text}') or startsWith(surname,'{text}') or startsWith(userPrincipalName,'{text}')";
        var page = await GraphErrors.Guard("GET users", () => graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = filter;
            r.QueryParameters.Select = PersonProperties;
            r.QueryParameters.Top = max;
        }, ct));
        return page?.Value?.Select(ToPerson).ToList() ?? [];
    }

    public async Task<IReadOnlySet<string>> GetMembershipsAsync(string personId, IReadOnlyCollection<string> objectIds, CancellationToken ct)
    {
        var held = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in objectIds.Chunk(MaxIdsPerCheck))
        {
            var result = await GraphErrors.Guard("POST checkMemberObjects", () =>
                graph.Users[personId].CheckMemberObjects.PostAsCheckMemberObjectsPostResponseAsync(
                    new CheckMemberObjectsPostRequestBody { Ids = [.. chunk] }, cancellationToken: ct));
            foreach (var id in result?.Value ?? []) held.Add(id);
        }

        return held;
    }

    public async Task<PrivilegeFacts> GetPrivilegeFactsAsync(string personId, CancellationToken ct)
    {
        GraphBatch.RequireObjectId(personId, nameof(personId));
        var requests = new Dictionary<string, GraphBatch.Request>(StringComparer.Ordinal);
        GraphPrivilegeFacts.AddRequests(requests, graph, personId);
        return (await GraphPrivilegeFacts.ReadAsync(await batch.SendAsync(requests, ct), graph, personId, ct)).Facts;
    }

    /// <summary>
    /// A person's whole transitiveMemberOf: the first page as given, then every page Graph links to after it. Someone in
    /// more than 999 groups and roles would otherwise look unprivileged when their role is listed on a later page.
    /// </summary>
    internal static async Task<IReadOnlyList<DirectoryObject>> AllPagesAsync(
        GraphServiceClient graph, string personId, DirectoryObjectCollectionResponse? first, CancellationToken ct)
    {
        var items = new List<DirectoryObject>(first?.Value ?? []);
        var next = first?.OdataNextLink;
        while (next is not null)
        {
            var link = next;
            var page = await GraphErrors.Guard("GET transitiveMemberOf", () =>
                graph.Users[personId].TransitiveMemberOf.WithUrl(link).GetAsync(cancellationToken: ct));
            items.AddRange(page?.Value ?? []);
            next = page?.OdataNextLink;
        }

        return items;
    }

    internal static Person ToPerson(User u) => new(
        u.Id ?? throw new InvalidOperationException("Graph returned a user without an id."),
        u.UserPrincipalName ?? "",
        u.Mail,
        u.DisplayName ?? u.UserPrincipalName ?? "(no name)",
        u.UserType,
        u.AccountEnabled ?? false,
        u.JobTitle);
}
