namespace TapBot.CardTests;

/// <summary>
/// The cards TapBot may answer with in a group chat or channel (help and the TAP policy; see
/// <c>SharedConversationRule.AnswersInPlace</c>) carry no input and no button, and name nobody in the sample tenant.
/// </summary>
public sealed class SharedConversationCardTests
{
    public static TheoryData<string> CardsAnsweredInPlace() =>
        new(CardCatalog.Names.Where(n => n is "help" or "help-with-intro" || n.StartsWith("policy-", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(CardsAnsweredInPlace))]
    public void ACardAnsweredInASharedConversation_HasNoInputButtonOrPerson(string name)
    {
        var json = CardCatalog.Build(name).ToJsonString();
        var samples = Samples.Realistic;

        Assert.DoesNotContain("\"Input.", json);
        Assert.DoesNotContain("Action.", json);
        foreach (var person in new[] { samples.Adele, samples.Megan, samples.Alex, samples.Alexandra, samples.Lynne })
        {
            Assert.DoesNotContain(person.DisplayName, json);
            Assert.DoesNotContain(person.UserPrincipalName, json);
        }
    }
}
