using System.Text;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Playground;

/// <summary>
/// Writes a Microsoft 365 Agents Playground <c>.m365agentsplayground.yml</c> whose tenant, current user and
/// other users are people of the seed, so the ids the bot receives resolve in the simulated tenant.
/// </summary>
public static class PlaygroundConfigWriter
{
    public const string FileName = ".m365agentsplayground.yml";

    /// <summary>The Playground supports exactly five other users.</summary>
    public const int OtherUsers = 5;

    public static string Render(TenantSeed seed, string currentUser, string botId = "00000000-0000-0000-0000-000000000b07")
    {
        var me = seed.Users.FirstOrDefault(u => Same(u.UserPrincipalName, currentUser) || Same(u.Id, currentUser))
                 ?? throw new SeedException($"No user '{currentUser}' in the seed.");
        var others = seed.Users
            .Where(u => u != me && u.AccountEnabled && !Same(u.UserType, "Guest"))
            .Take(OtherUsers)
            .ToList();
        if (others.Count < OtherUsers)
        {
            throw new SeedException($"The Playground needs {OtherUsers} other enabled members in the seed; it has {others.Count}.");
        }

        var yml = new StringBuilder();
        yml.AppendLine("# Generated from the TapBot simulated tenant seed; ids match the seed's users.");
        yml.AppendLine("version: \"0.1.1\"");
        yml.AppendLine($"tenantId: {Q(seed.TenantId)}");
        yml.AppendLine("bot:");
        yml.AppendLine($"  id: {Q(botId)}");
        yml.AppendLine("  name: TapBot");
        yml.AppendLine("currentUser:");
        Person(yml, me, "  ");
        yml.AppendLine("users:");
        foreach (var u in others)
        {
            Person(yml, u, "  - ", "    ");
        }

        yml.AppendLine("personalChat:");
        yml.AppendLine($"  id: {Q("personal-chat-" + me.Id)}");
        yml.AppendLine("groupChat:");
        yml.AppendLine("  id: group-chat-id");
        yml.AppendLine("  name: Helpdesk huddle");
        yml.AppendLine("team:");
        yml.AppendLine("  id: team-id");
        yml.AppendLine("  name: IT Operations");
        yml.AppendLine($"  aadGroupId: {Q(DeterministicGuid(seed.TenantId + "team"))}");
        yml.AppendLine("  channels:");
        yml.AppendLine("    - id: channel-approvals-id");
        yml.AppendLine("      name: TAP approvals");
        return yml.ToString();
    }

    public static string Write(TenantSeed seed, string currentUser, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Render(seed, currentUser));
        return path;
    }

    /// <summary>The member id the Playground sends as <c>from.id</c> for a seed user.</summary>
    public static string MemberId(SeedUser user) => "29:" + user.Id;

    private static void Person(StringBuilder yml, SeedUser u, string first, string? rest = null)
    {
        rest ??= first;
        yml.AppendLine($"{first}id: {Q(MemberId(u))}");
        yml.AppendLine($"{rest}name: {Q(u.DisplayName)}");
        // The Playground's schema spells it "userPrincipleName".
        yml.AppendLine($"{rest}userPrincipleName: {Q(u.UserPrincipalName)}");
        yml.AppendLine($"{rest}aadObjectId: {Q(u.Id)}");
        yml.AppendLine($"{rest}givenName: {Q(u.GivenName ?? u.DisplayName)}");
        yml.AppendLine($"{rest}surname: {Q(u.Surname ?? "")}");
        yml.AppendLine($"{rest}email: {Q(u.Mail ?? u.UserPrincipalName)}");
    }

    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string DeterministicGuid(string s) =>
        new Guid(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(s))).ToString();
}
