using TapBot.Domain.People;

namespace TapBot.Cards;

/// <summary>
/// The answer when a typed name picks nobody or several people (<see cref="PersonLookup.Miss"/>), in one place for
/// every "... for X" command. Only how the requester chooses differs: a pick list whose button asks again by id, or,
/// for commands without one, the command to type again with a UPN.
/// </summary>
public static class PersonReplies
{
    /// <summary>How a command lets the requester choose among several matches.</summary>
    public sealed record Choice(string? Verb, string Button, string? Command);

    /// <summary>A pick list; its button sends <paramref name="verb"/> with the chosen person's id.</summary>
    public static Choice PickList(string verb, string button) => new(verb, button, null);

    /// <summary>No pick list: the hint names <paramref name="command"/> followed by a candidate's UPN.</summary>
    public static Choice TypeAgain(string command) => new(null, "", command);

    public static CardReply Unresolved(PersonLookup.Miss miss, Choice choice) => miss switch
    {
        PersonLookup.NotFound n => new(StatusCards.NotFound(n), Texts.Get("NotFound.Title")),
        PersonLookup.Ambiguous a when choice.Verb is { } verb => new(StatusCards.PickPerson(a, verb, choice.Button), Texts.Get("Pick.Title")),
        PersonLookup.Ambiguous a => new(StatusCards.Notice(
            Texts.Get("Pick.UseUpn", CardText.Escape(a.Query), choice.Command, CardText.Escape(a.Candidates[0].UserPrincipalName))), Texts.Get("Pick.Title")),
        _ => throw new InvalidOperationException("Unknown person lookup."),
    };
}
