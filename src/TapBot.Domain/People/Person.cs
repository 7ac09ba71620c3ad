namespace TapBot.Domain.People;

/// <summary>A person in the tenant's directory, in the terms TAP rules care about.</summary>
public sealed record Person(
    string Id,
    string UserPrincipalName,
    string? Mail,
    string DisplayName,
    string? UserType,
    bool AccountEnabled,
    string? JobTitle = null)
{
    /// <summary>
    /// External (B2B) guests are homed in another tenant; Entra refuses TAPs for them. Their UPN carries
    /// <c>#EXT#</c>. Internal guests (userType Guest, homed here) may hold a TAP.
    /// </summary>
    public bool IsExternalGuest =>
        string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase)
        && UserPrincipalName.Contains("#EXT#", StringComparison.OrdinalIgnoreCase);

    public bool IsGuest => string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase);
}
