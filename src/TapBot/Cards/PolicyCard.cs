using System.Text.Json.Nodes;
using TapBot.Domain.Passes;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>The tenant's Temporary Access Pass policy in plain words.</summary>
public static class PolicyCard
{
    public static JsonObject Build(TapPolicy policy, DateTimeOffset checkedAt)
    {
        var body = new List<JsonNode?>
        {
            Heading("Temporary Access Pass policy"),
            policy.IsEnabled
                ? Text("**On**: passes can be issued to the people the policy covers.", color: "Good")
                : Text("**Off**: no pass can be issued until an administrator enables the Temporary Access Pass method.", color: "Attention"),
            Facts(
            [
                ("Applies to", Scope(policy)),
                ("Lifetime", $"{StatusCards.Lifetime(policy.MinimumLifetimeInMinutes)} to {StatusCards.Lifetime(policy.MaximumLifetimeInMinutes)}"),
                ("Default lifetime", StatusCards.Lifetime(policy.DefaultLifetimeInMinutes)),
                ("One-time use", policy.IsUsableOnce ? "Always (every pass works for one sign-in)" : "Chosen per pass"),
                ("Passcode length", $"{policy.DefaultLength} characters"),
            ]),
            Text($"Read from Microsoft Entra {When(checkedAt)}. Administrators change it in the Entra admin center → Authentication methods → Temporary Access Pass.",
                subtle: true, size: "Small"),
        };
        return New(body);
    }

    private static string Scope(TapPolicy policy)
    {
        var included = policy.IncludeTargets.Any(t => t.Id == "all_users")
            ? "everyone"
            : policy.IncludeTargets.Count switch
            {
                0 => "nobody",
                1 => "members of 1 group or person",
                var n => $"members of {n} groups or people",
            };
        return policy.ExcludeTargets.Count == 0 ? included : $"{included}, except {policy.ExcludeTargets.Count} excluded group(s) or people";
    }
}
