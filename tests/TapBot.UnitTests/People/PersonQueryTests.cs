using TapBot.Domain.People;

namespace TapBot.UnitTests;

public sealed class PersonQueryTests
{
    [Theory]
    [InlineData("adele@contoso.com", "adele@contoso.com", true)]
    [InlineData("  \"Adele Vance\"  ", "Adele Vance", false)]
    [InlineData("<at>Adele Vance</at>", "Adele Vance", false)]
    [InlineData("<a href=\"mailto:adele@contoso.com\">adele@contoso.com</a>", "adele@contoso.com", true)]
    [InlineData("Zoë O'Brien-Núñez", "Zoë O'Brien-Núñez", false)]
    [InlineData("李小龍", "李小龍", false)]
    [InlineData("grady_fabrikam.com#EXT#@contoso.onmicrosoft.com", "grady_fabrikam.com#EXT#@contoso.onmicrosoft.com", true)]
    public void TryParse_CleansAndAccepts(string raw, string expected, bool isAddress)
    {
        var query = PersonQuery.TryParse(raw, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, query!.Text);
        Assert.Equal(isAddress, query.IsAddress);
    }

    [Theory]
    [InlineData("", "Tell me who")]
    [InlineData("   ", "Tell me who")]
    [InlineData("<b></b>", "Tell me who")]
    [InlineData("[x](https://evil.example)", "doesn't look like a name")]
    [InlineData("adele; drop", "doesn't look like a name")]
    [InlineData("${user.password}", "doesn't look like a name")]
    public void TryParse_Refuses_WithAMessage(string raw, string message)
    {
        Assert.Null(PersonQuery.TryParse(raw, out var problem));
        Assert.Contains(message, problem!.Message);
    }

    [Fact]
    public void TryParse_KeepsApostrophes_TheGatewayEscapesThem()
    {
        // O'Brien is a real name; quotes are doubled when the filter is built, never refused here.
        Assert.Equal("adele' or 1 eq 1 or mail eq", PersonQuery.TryParse("adele' or 1 eq 1 or mail eq '", out _)!.Text);
    }

    [Fact]
    public void TryParse_TooLong_SaysHowLong()
    {
        Assert.Null(PersonQuery.TryParse(new string('a', 300), out var problem));
        Assert.Contains("300 characters", problem!.Message);
    }
}
