using TapBot.Cards;
using TapBot.Domain.Approvals;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.People;
using TapBot.Domain.Status;

namespace TapBot.UnitTests;

/// <summary>Every "… for X" command answers a name that picks nobody, or several people, through one reply.</summary>
public sealed class PersonRepliesTests
{
    private static readonly Person Alex = new("1", "alex@contoso.com", null, "Alex Wilber", "Member", true);
    private static readonly Person Alexandra = new("2", "alexandra@contoso.com", null, "Alexandra Wilber", "Member", true);

    public static TheoryData<string, Func<PersonLookup.Miss, CardReply>> Commands() => new()
    {
        { "status", m => OutcomeReplies.Status(new StatusOutcome.Unresolved(m)) },
        { "issue", m => OutcomeReplies.IssueForm(new PrepareOutcome.Unresolved(m)) },
        { "request", m => OutcomeReplies.Request(new RequestOutcome.Unresolved(m)) },
        { "audit", m => OutcomeReplies.Audit(new AuditOutcome.Unresolved(m)) },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void NobodyFound_IsTheSameCardForEveryCommand(string command, Func<PersonLookup.Miss, CardReply> reply)
    {
        var answer = reply(new PersonLookup.NotFound("Zed"));

        Assert.True(answer.Summary == "Nobody found", command);
        Assert.Equal(StatusCards.NotFound(new("Zed")).ToJsonString(), answer.Card.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void SeveralMatches_AskWhichPerson(string command, Func<PersonLookup.Miss, CardReply> reply)
    {
        var answer = reply(new PersonLookup.Ambiguous("Alex", [Alex, Alexandra]));

        Assert.True(answer.Summary == "Which person?", command);
        Assert.Contains("Several people match", answer.Card.ToJsonString(), StringComparison.Ordinal);
    }
}
