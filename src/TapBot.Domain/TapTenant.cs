namespace TapBot.Domain;

/// <summary>The one Entra tenant this TapBot serves (the Graph tenant, or the simulated tenant's id).</summary>
public sealed record TapTenant(string Id, string DisplayName);
