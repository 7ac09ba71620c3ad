using TapBot.Domain.Ports;

namespace TapBot.Domain.Roles;

/// <summary>
/// What the directory shows that could make a person a privileged target, each part as read (or the failure reading it
/// met). Graph shows privilege in three places, none of them complete on its own (graph-contract.md §3.8–3.9):
/// <c>transitiveMemberOf</c> (active tenant-wide built-in roles, role-assignable and TapBot's own groups), the active
/// role assignments (any scope, custom roles) and the PIM-eligible ones.
/// </summary>
public sealed record PrivilegeFacts(
    Fetched<IReadOnlyList<DirectoryMembership>> MemberOf,
    Fetched<HeldRoles> ActiveRoles,
    Fetched<HeldRoles> EligibleRoles)
{
    /// <summary>Nothing could be read (the whole read failed): every part carries the failure.</summary>
    public static PrivilegeFacts Failed(EntraException failure) => new(
        Fetched<IReadOnlyList<DirectoryMembership>>.Failed(failure), Fetched<HeldRoles>.Failed(failure), Fetched<HeldRoles>.Failed(failure));
}

public enum MembershipKind
{
    Group,
    DirectoryRole,
    Other,
}

/// <summary>
/// One group, directory role or other object a person belongs to, transitively. <see cref="Readable"/> is false when
/// Graph gave limited information (only the type and id) because the app may not read that type: then
/// <see cref="IsAssignableToRole"/> and <see cref="RoleTemplateId"/> say nothing.
/// </summary>
public sealed record DirectoryMembership(string Id, MembershipKind Kind, bool Readable, bool? IsAssignableToRole = null, string? RoleTemplateId = null);

/// <summary>A role assignment: the role definition (a built-in role's template id, or a custom role's id) and its scope.</summary>
public sealed record HeldRole(string RoleDefinitionId, string DirectoryScopeId);

/// <summary>
/// The role assignments read for a person. <see cref="Complete"/> is false when Graph had more pages than were read;
/// <see cref="NotLicensed"/> when the tenant has no PIM license, so nobody can be eligible for a role.
/// </summary>
public sealed record HeldRoles(IReadOnlyList<HeldRole> Roles, bool Complete = true, bool NotLicensed = false)
{
    public static readonly HeldRoles None = new([]);

    public static readonly HeldRoles Unlicensed = new([], NotLicensed: true);
}
