using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TapBot.Cards;

namespace TapBot.CardTests;

/// <summary>
/// TapBot speaks English, German, French, Spanish and Japanese from one resource file per language
/// (src/TapBot/Cards/Texts*.resx): every key in every language with the same placeholders, every card valid and under
/// the size budget in every language, and the reader's locale choosing the language (anything else: English).
/// </summary>
[Collection(GoldenFiles.Collection)]
public sealed partial class TextsTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "src", "TapBot", "Cards");

    public static TheoryData<string> Translations() => new(Texts.Languages.Skip(1));

    public static TheoryData<string> AllLanguages() => new(Texts.Languages);

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryKey_IsTranslated_WithTheSamePlaceholders(string language)
    {
        var english = Read("Texts.resx");
        var translated = Read($"Texts.{language}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"missing in {language}: {k}"));
        Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"only in {language}: {k}"));
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(translated[key])), $"{language} {key}: placeholders differ from English");
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{language} {key} is empty");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryKey_ReadsInItsLanguage_NotTheEnglishFallback(string language)
    {
        // The satellite assembly is built and found: a text that differs in the file differs when read.
        var english = Read("Texts.resx");
        var translated = Read($"Texts.{language}.resx");
        var key = english.Keys.First(k => english[k] != translated[k]);

        Assert.Equal(translated[key], InLanguage(language, () => Texts.Get(key)));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void EveryCard_IsValid_AndUnderTheSizeBudget_InEveryLanguage(string language)
    {
        var cards = InLanguage(language, () => CardCatalog.Names.Select(n => (n, (JsonNode)CardCatalog.Build(n))).ToList());

        var report = CardValidator.Run(cards);

        Assert.Empty(report.Where(r => r.Value.Count > 0).Select(r => $"{language} {r.Key}: {string.Join("; ", r.Value)}"));
        Assert.Equal(cards.Count, report.Count);
    }

    [Theory]
    [InlineData("de-DE", "de")]
    [InlineData("de", "de")]
    [InlineData("fr-CA", "fr")]
    [InlineData("es-MX", "es")]
    [InlineData("ja-JP", "ja")]
    [InlineData("en-GB", "en")]
    [InlineData("nl-NL", "en")]
    [InlineData("xx-not-a-locale", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void Locale_ChoosesTheLanguage_UnknownMeansEnglish(string? locale, string expected)
    {
        Assert.Equal(expected, Texts.CultureFor(locale).Name);
    }

    [Fact]
    public void GermanHelp_UsesMicrosoftsTermForTheTap_AndSaysCommandsStayEnglish()
    {
        var help = InLanguage("de", () => HelpCard.Build()).ToJsonString();

        Assert.Contains("Befristeter Zugriffspass", help);
        Assert.Contains("Befehle werden auf Englisch eingegeben", help);
        Assert.Contains("issue TAP for", help);
    }

    [Fact]
    public void PasscodeCard_SpeaksWithoutTheCode_InEveryLanguage()
    {
        foreach (var language in Texts.Languages)
        {
            var card = InLanguage(language, () => CardCatalog.Build("passcode-delivered"));
            var code = Samples.Delivered(Samples.Usable).Code.Reveal();

            Assert.False(string.IsNullOrWhiteSpace(card["speak"]?.GetValue<string>()), language);
            Assert.DoesNotContain(code, card["speak"]!.GetValue<string>());
        }
    }

    [Fact]
    public void JapaneseCards_CarryNoEnglishSentence()
    {
        // Japanese shares no words with English: a sentence that reads the same in both is a literal that skipped Texts.
        // Not sentences here: the help card's commands (English in every language), the schema URL, the sample people
        // (their UPNs) and the sample reason (a ticket number).
        var leftovers = CardCatalog.Names.Where(n => !n.StartsWith("help", StringComparison.Ordinal)).SelectMany(name =>
        {
            var english = Strings(CardCatalog.Build(name)).Where(IsSentence).ToHashSet(StringComparer.Ordinal);
            return Strings(InLanguage("ja", () => CardCatalog.Build(name))).Where(english.Contains).Select(s => $"{name}: {s}");
        });

        var untranslated = leftovers.Where(l => !NotYetTranslated.Any(l.Contains)).ToList();
        Assert.True(untranslated.Count == 0, "English left in Japanese cards:\n" + string.Join("\n", untranslated));
    }

    /// <summary>English still in translated cards: Domain sentences without a refusal code yet (README: not yet translated).</summary>
    private static readonly string[] NotYetTranslated = [];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(kv => kv.Key != "$schema").SelectMany(kv => Strings(kv.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static bool IsSentence(string text) =>
        !text.Contains('@') && !text.StartsWith("INC-", StringComparison.Ordinal) && EnglishWords().Matches(text).Count >= 4;

    [GeneratedRegex(@"\b[A-Za-z]*[a-z]{2,}\b")]
    private static partial Regex EnglishWords();

    private static T InLanguage<T>(string language, Func<T> build)
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

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
