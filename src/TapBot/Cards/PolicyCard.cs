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
            Heading(Texts.Get("Policy.Title")),
            policy.IsEnabled
                ? Text(Texts.Get("Policy.On"), color: "Good")
                : Text(Texts.Get("Policy.Off"), color: "Attention"),
            Facts(
            [
                (Texts.Get("Fact.AppliesTo"), Scope(policy)),
                (Texts.Get("Fact.Lifetime"), Texts.Get("Policy.Range", StatusCards.Lifetime(policy.MinimumLifetimeInMinutes), StatusCards.Lifetime(policy.MaximumLifetimeInMinutes))),
                (Texts.Get("Fact.DefaultLifetime"), StatusCards.Lifetime(policy.DefaultLifetimeInMinutes)),
                (Texts.Get("Fact.OneTime"), Texts.Get(policy.IsUsableOnce ? "Policy.OneTimeAlways" : "Policy.OneTimeChosen")),
                (Texts.Get("Fact.PasscodeLength"), Texts.Get("Policy.Length", policy.DefaultLength)),
            ]),
            Text(Texts.Get("Policy.ReadFrom", When(checkedAt)), subtle: true, size: "Small"),
        };
        return New(body);
    }

    private static string Scope(TapPolicy policy)
    {
        var included = policy.IncludeTargets.Any(t => t.Id == "all_users")
            ? Texts.Get("Policy.Everyone")
            : policy.IncludeTargets.Count switch
            {
                0 => Texts.Get("Policy.Nobody"),
                1 => Texts.Get("Policy.OneGroup"),
                var n => Texts.Get("Policy.Groups", n),
            };
        return policy.ExcludeTargets.Count == 0 ? included : Texts.Get("Policy.Except", included, policy.ExcludeTargets.Count);
    }
}
