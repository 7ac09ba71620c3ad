using TapBot.Domain.People;

namespace TapBot.UnitTests;

public sealed class PersonMatchTests
{
    private static Person P(string name, string upn) => new(Guid.NewGuid().ToString(), upn, upn, name, "Member", true);

    private static PersonQuery Q(string text) => PersonQuery.TryParse(text, out _)!;

    [Fact]
    public void TwoExactDisplayNameMatches_StayAmbiguous_WithoutThrowing() =>
        Assert.Null(PersonMatch.PickOne(Q("Sam Lee"), [P("Sam Lee", "sam1@contoso.com"), P("Sam Lee", "sam2@contoso.com")]));

    [Fact]
    public void OneExactMatchAmongPrefixMatches_IsPicked()
    {
        var lee = P("Lee Gu", "lee@contoso.com");

        Assert.Same(lee, PersonMatch.PickOne(Q("lee gu"), [lee, P("Lee Guerrero", "leeg@contoso.com")]));
    }

    [Fact]
    public void ExactUpn_IsPicked() =>
        Assert.Equal("b@contoso.com", PersonMatch.PickOne(Q("B@contoso.com"), [P("A", "a@contoso.com"), P("B", "b@contoso.com")])!.UserPrincipalName);
}
