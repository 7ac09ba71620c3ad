namespace TapBot.Domain.Roles;

/// <summary>Built-in Entra role template ids (stable across tenants).</summary>
public static class DirectoryRoleTemplates
{
    public const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    public const string PrivilegedAuthenticationAdministrator = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";
    public const string AuthenticationAdministrator = "c4e39bd9-1100-46d3-8c65-fb160da0071f";
    public const string AuthenticationPolicyAdministrator = "0526716b-113d-4c15-b2c8-68e3c22b9f80";
    public const string PrivilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    public const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    public const string HelpdeskAdministrator = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    public const string PasswordAdministrator = "966707d0-3269-4727-9be2-8c3a10f19b9d";
    public const string UserAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    public const string SecurityAdministrator = "194ae4cb-b126-40b2-bd5b-6091b380977d";
    public const string GroupsAdministrator = "fdd7a751-b60b-444a-984c-02652fe8fa1c";
    public const string DirectoryReaders = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
    public const string GuestInviter = "95e79109-95c0-4d8e-aee3-d01accf2d47b";
    public const string MessageCenterReader = "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b";
    public const string ReportsReader = "4a5d8f65-41da-4de4-8968-e035b65339cf";
    public const string UsageSummaryReportsReader = "75934031-6c7e-415a-99d7-48dbd49e875e";
    public const string UserExperienceSuccessManager = "27460883-1df1-4691-b032-3b79643e5e63";

    /// <summary>
    /// The roles whose holders an Authentication Administrator may still manage (Entra's "Who can reset passwords"
    /// table, graph-contract.md §1.7, §3.9). Only these may be configured as not making someone a privileged target.
    /// </summary>
    public static readonly IReadOnlySet<string> ManageableByAuthenticationAdministrator = new HashSet<string>(
        [
            AuthenticationAdministrator, DirectoryReaders, GuestInviter, MessageCenterReader, PasswordAdministrator,
            ReportsReader, UsageSummaryReportsReader, UserExperienceSuccessManager,
        ],
        StringComparer.OrdinalIgnoreCase);
}
