using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TapBot.CardTests;

/// <summary>
/// Hostile text in everything a user or the directory controls (names, UPNs, job titles, reasons, typed queries)
/// cannot change a card's structure, add a link, a mention, a heading or list, a template expression (<c>${…}</c>) or
/// a date function (<c>{{DATE(…)}}</c>), reorder the text around it, or push a card over 28 KB or out of the schema.
/// Every catalog card is built twice, from benign and from hostile samples, and the two are compared.
/// Template expressions: <c>${…}</c> is expanded by a templating SDK before a card is sent, and TapBot uses none; but
/// <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> are evaluated when a card is shown, in every text block, text run, fact
/// and choice label (the library's text-formatters.js). User text gets an invisible joiner before each "{", so
/// neither kind can form, whatever a client does.
/// </summary>
public sealed partial class InjectionTests
{
    private static readonly string[] Hostile =
    [
        "Ann \"Quote\" O'Neil",
        "[click](https://evil.example)",
        "<at>x</at>",
        "${user.secret}",
        "{{DATE(2017-02-14T06:08:39Z)}}",
        "👩‍💻",
        "עִבְרִית\u202Eevil",
        "**bold**",
        "\n\n# heading",
        new string('A', 5000),
        // Beyond the usual suspects: bare and angle-bracket links, an escape that would re-open a link, entities, an
        // image, lists after leading white space, and a long text whose cut falls inside an emoji.
        "https://evil.example/login",
        "<https://evil.example>",
        @"\[click](https://evil.example)",
        "&#91;click&#93;(https://evil.example)",
        "![x](https://evil.example/x.png)",
        "  1. first\r\n2) second",
        " - item \t> quote",
        "a" + string.Concat(Enumerable.Repeat("🙂", 2500)),
    ];

    public static TheoryData<string> HostileText() => new(Hostile);

    [Theory]
    [MemberData(nameof(HostileText))]
    public void HostileText_ChangesNoCardStructure_AndAddsNoMarkup(string hostile)
    {
        var problems = new List<string>();
        foreach (var name in CardCatalog.Names)
        {
            var benign = CardCatalog.Build(name);
            var card = CardCatalog.Build(name, Samples.WithUserText(hostile));
            problems.AddRange(CardJson.StructureDifferences(benign, card).Select(p => $"{name}: structure: {p}"));
            problems.AddRange(AddedMarkup(benign, card).Select(p => $"{name}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void HostileText_LeavesEveryCardValid_AndUnder28Kb()
    {
        var cards = Hostile.SelectMany((text, i) => CardCatalog.Names.Select(name =>
            ($"{name}--hostile-{i}", (JsonNode)CardCatalog.Build(name, Samples.WithUserText(text)))));

        var report = CardValidator.Run(cards);

        Assert.Equal(Hostile.Length * CardCatalog.Names.Count(), report.Count);
        var failures = report.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// What the hostile card's text has more of than the benign card's: markdown links, URLs, tags and autolinks,
    /// template expressions and date functions, block markers; and any bidirectional override or control character.
    /// </summary>
    private static IEnumerable<string> AddedMarkup(JsonObject benign, JsonObject hostile)
    {
        var before = CardJson.Texts(benign).ToList();
        var after = CardJson.Texts(hostile).ToList();
        foreach (var (what, pattern) in Markup)
        {
            int Count(IEnumerable<string> texts) => texts.Sum(t => pattern.Matches(t).Count);
            if (Count(after) > Count(before))
            {
                yield return $"adds {what}: {Shorten(after.First(t => pattern.Matches(t).Count > 0))}";
            }
        }

        foreach (var text in after.Where(t => Unsafe().IsMatch(t)))
        {
            yield return $"keeps a bidirectional override or control character: {Shorten(text)}";
        }

        // A lone surrogate reads as U+FFFD (and the text holds no real U+FFFD).
        foreach (var text in after.Where(t => t.EnumerateRunes().Contains(Rune.ReplacementChar) && !t.Contains('\uFFFD')))
        {
            yield return $"cuts a character in two (a lone surrogate): {Shorten(text)}";
        }
    }

    private static readonly (string What, Regex Pattern)[] Markup =
    [
        ("a markdown link or image", UnescapedLink()),
        ("a URL", new Regex("://|www\\.", RegexOptions.IgnoreCase)),
        ("a tag, mention or autolink", new Regex("<[/!?a-zA-Z]")),
        ("a template expression", new Regex(@"\$\{")),
        ("a date or time function", new Regex(@"\{\{")),
        ("a heading, quote, list or table", new Regex(@"^\s*(#|>|\||[-+*](\s|$)|\d{1,9}[.)](\s|$))")),
    ];

    /// <summary>"](" whose "]" is not escaped by an odd number of backslashes.</summary>
    [GeneratedRegex(@"(?<!\\)(\\\\)*\]\(")]
    private static partial Regex UnescapedLink();

    [GeneratedRegex(@"[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex Unsafe();

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
