using Microsoft.Extensions.Options;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Issuance;

/// <summary>Turns "the person / their manager / me" into the one person whose 1:1 chat receives the code.</summary>
public sealed class RecipientResolver(IDirectory directory, IOptions<IssuanceOptions> options)
{
    /// <summary>The recipient, or a refusal fit to show the requester.</summary>
    public async Task<(Person? Recipient, string? Problem)> ResolveAsync(RecipientKind kind, Requester requester, Person target, CancellationToken ct)
    {
        if (!options.Value.Recipients.Contains(kind))
            return (null, $"Your organization does not allow sending the code to {Describe(kind, target)} (Issuance:AllowedRecipients).");

        switch (kind)
        {
            case RecipientKind.Person:
                return (target, null);
            case RecipientKind.Requester:
                return (new Person(requester.ObjectId, "", null, requester.DisplayName, "Member", true), null);
            case RecipientKind.Manager:
                var manager = await directory.GetManagerAsync(target.Id, ct);
                if (manager is null) return (null, $"{target.DisplayName} has no manager in the directory, so the code cannot go to their manager.");
                if (!manager.AccountEnabled) return (null, $"{target.DisplayName}'s manager ({manager.DisplayName}) has a disabled account.");
                if (manager.IsExternalGuest) return (null, $"{target.DisplayName}'s manager ({manager.DisplayName}) is an external guest; the code stays inside the organization.");
                return (manager, null);
            default:
                return (null, "That recipient is not one TapBot knows.");
        }
    }

    /// <summary>The recipient as the form names it.</summary>
    public static string Describe(RecipientKind kind, Person target) => kind switch
    {
        RecipientKind.Person => target.DisplayName,
        RecipientKind.Manager => $"{target.DisplayName}'s manager",
        _ => "you",
    };
}
