using System.Text.Json.Nodes;
using TapBot.Domain.Ports;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>Plain-words cards for things that went wrong outside the user's control.</summary>
public static class ProblemCards
{
    public static string DirectoryMessage(EntraException e) => e.Failure switch
    {
        EntraFailure.Throttled => Texts.Get("Problem.Throttled"),
        EntraFailure.Unavailable => Texts.Get("Problem.Unavailable"),
        EntraFailure.AccessDenied => Texts.Get("Problem.AccessDenied"),
        _ => Texts.Get("Problem.Rejected"),
    };

    public static JsonObject Directory(EntraException e) => New([Text(DirectoryMessage(e), color: "Warning")]);
}
