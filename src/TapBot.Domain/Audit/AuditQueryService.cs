using TapBot.Domain.Refusals;
using TapBot.Domain.People;
using TapBot.Domain.Ports;
using TapBot.Domain.Roles;

namespace TapBot.Domain.Audit;

/// <summary>"audit for X": the newest audit events about a person, for approvers and auditors. Viewing is audited too.</summary>
public sealed class AuditQueryService(IDirectory directory, RoleResolver roles, IAuditTrail audit)
{
    public const int MaxEvents = 15;

    public async Task<AuditOutcome> ForQueryAsync(Requester requester, string? personText, CancellationToken ct)
    {
        var held = await roles.GetRolesAsync(requester.ObjectId, ct);
        if (!held.CanApprove() && (held & TapRoles.Auditor) == 0)
            return await RefusedAsync(requester, Refuse.AuditNotAllowed(), ct);

        var query = PersonQuery.TryParse(personText, out var problem);
        if (query is null) return await RefusedAsync(requester, problem!, ct);
        if (!(await directory.FindOneAsync(query, ct)).Picked(out var person, out var miss)) return new AuditOutcome.Unresolved(miss);

        var events = await audit.RecentAsync(person.Id, MaxEvents, ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [AuditKinds.SystemActor] = "TapBot" };
        foreach (var id in events.Select(e => e.ActorId).Distinct(StringComparer.OrdinalIgnoreCase).Where(id => !names.ContainsKey(id)))
        {
            names[id] = Guid.TryParse(id, out _) ? (await directory.GetPersonAsync(id, ct))?.DisplayName ?? "someone no longer in the directory" : id;
        }

        await audit.AppendAsync(AuditEntry.Of(AuditKinds.AuditViewed, requester.ObjectId, person.Id, ("events", events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
        return new AuditOutcome.Found(person, events.Select(e => new NamedAuditEvent(e, names[e.ActorId])).ToList());
    }

    private async Task<AuditOutcome> RefusedAsync(Requester requester, Refusal why, CancellationToken ct)
    {
        await audit.AppendAsync(AuditEntry.Of(AuditKinds.AuditRefused, requester.ObjectId, null, ("reason", why.Message)), ct);
        return new AuditOutcome.Refused(why);
    }
}

/// <summary>An audit event with its actor's display name.</summary>
public sealed record NamedAuditEvent(AuditEvent Event, string ActorName);

public abstract record AuditOutcome
{
    private AuditOutcome() { }

    public sealed record Found(Person Person, IReadOnlyList<NamedAuditEvent> Events) : AuditOutcome;

    /// <summary>The name picks nobody, or several people: answered the same way by every command.</summary>
    public sealed record Unresolved(PersonLookup.Miss Lookup) : AuditOutcome;

    public sealed record Refused(string Message) : AuditOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];
    }
}
