using System.Text.Json.Nodes;
using TapBot.Domain.Ports;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>Plain-words cards for things that went wrong outside the user's control.</summary>
public static class ProblemCards
{
    public static string DirectoryMessage(EntraException e) => e.Failure switch
    {
        EntraFailure.Throttled =>
            "Microsoft Entra is busy right now and asked me to slow down. Nothing was changed; please try again in a minute.",
        EntraFailure.Unavailable =>
            "I couldn't reach Microsoft Entra just now. Nothing was changed; please try again in a minute.",
        EntraFailure.AccessDenied =>
            "TapBot's app isn't allowed to do that in your directory. Nothing was changed. Ask your IT admin to run `doctor` and check TapBot's Graph permissions.",
        _ => "Microsoft Entra refused the request. Nothing was changed.",
    };

    public static JsonObject Directory(EntraException e) => New([Text(DirectoryMessage(e), color: "Warning")]);
}
