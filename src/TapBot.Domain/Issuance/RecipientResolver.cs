using Microsoft.Extensions.Options;
using TapBot.Domain.People;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Issuance;

/// <summary>Turns "the person / their manager / me" into the one person whose 1:1 chat receives the code.</summary>
public sealed class RecipientResolver(IDirectory directory, IOptions<IssuanceOptions> options)
{
    /// <summary>The recipient, or a refusal fit to show the requester.</summary>
    public async Task<(Person? Recipient, Refusals.Refusal? Problem)> ResolveAsync(RecipientKind kind, Requester requester, Person target, CancellationToken ct)
    {
        if (!options.Value.Recipients.Contains(kind))
            return (null, Refusals.Refuse.RecipientNotAllowed(kind, target));

        switch (kind)
        {
            case RecipientKind.Person:
                return (target, null);
            case RecipientKind.Requester:
                return (new Person(requester.ObjectId, "", null, requester.DisplayName, "Member", true), null);
            case RecipientKind.Manager:
                var manager = await directory.GetManagerAsync(target.Id, ct);
                if (manager is null) return (null, Refusals.Refuse.NoManager(target));
                if (!manager.AccountEnabled) return (null, Refusals.Refuse.ManagerDisabled(target, manager));
                if (manager.IsExternalGuest) return (null, Refusals.Refuse.ManagerExternal(target, manager));
                return (manager, null);
            default:
                return (null, Refusals.Refuse.UnknownRecipient());
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
