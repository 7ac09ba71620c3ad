using System.Globalization;
using System.Reflection;
using TapBot.Cards;
using TapBot.Domain.People;
using TapBot.Domain.Refusals;
using TapBot.Domain.Roles;

namespace TapBot.CardTests;

/// <summary>
/// Every Domain refusal (<see cref="Refuse"/>) has a <c>Refusal.&lt;Code&gt;</c> text: in English it reads exactly as
/// the Domain's message (what the audit trail keeps and the integration tests assert), and in every other language
/// it reads otherwise; names from the directory go in escaped.
/// </summary>
[Collection(GoldenFiles.Collection)]
public sealed class RefusalTextsTests
{
    private static readonly Person Sample = new("5d6f7a80-1a2b-4c3d-8e9f-a1b2c3d4e5f6", "adele@contoso.com", null, "Adele Vance", "Member", true);

    /// <summary>Each <see cref="Refuse"/> method called with sample facts (a refusal argument: a privileged act, as used).</summary>
    public static TheoryData<string> Codes() => new(All().Select(r => r.Code));

    private static IEnumerable<Refusal> All() => typeof(Refuse).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Select(m => (Refusal)m.Invoke(null, m.GetParameters().Select(Fact).ToArray())!);

    private static object Fact(ParameterInfo p) => p.ParameterType switch
    {
        var t when t == typeof(Person) => Sample,
        var t when t == typeof(Refusal) => Refuse.PrivilegedAct(PrivilegedAction.Issue),
        var t when t == typeof(PrivilegedAction) => PrivilegedAction.Revoke,
        var t when t == typeof(int) => 42,
        var t when t == typeof(bool) => p.Name == "forSelf" ? false : true,
        var t when t == typeof(Domain.Issuance.RecipientKind) => Domain.Issuance.RecipientKind.Manager,
        var t when t == typeof(string) => PrivilegedTargets.RolePermission,
        var t when t == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero),
        var t => throw new InvalidOperationException($"No sample for {t.Name} ({p.Name})."),
    };

    private static Refusal Of(string code) => All().First(r => r.Code == code);

    [Theory]
    [MemberData(nameof(Codes))]
    public void InEnglish_ReadsAsTheDomainMessage(string code)
    {
        var refusal = Of(code);
        Assert.True(In("en", () => Texts.Has("Refusal." + code)), $"No text Refusal.{code}");
        Assert.Equal(refusal.Message, In("en", () => Texts.Refusal(refusal)));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void InEveryOtherLanguage_IsTranslated(string code)
    {
        var refusal = Of(code);
        foreach (var language in Texts.Languages.Skip(1))
            Assert.NotEqual(refusal.Message, In(language, () => Texts.Refusal(refusal)));
    }

    [Fact]
    public void NamesGoInEscaped_AndNestedRefusalsAreWorded()
    {
        var sneaky = Sample with { DisplayName = "*Adele* [click](https://evil.example)" };
        var text = In("de", () => Texts.Refusal(Refuse.AdminRole(sneaky, Refuse.PrivilegedAct(PrivilegedAction.Revoke))));
        Assert.Contains(CardText.Escape(sneaky.DisplayName), text);
        Assert.Contains("den Pass dieser Person widerrufen", text);
    }

    private static T In<T>(string language, Func<T> build)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return build();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
