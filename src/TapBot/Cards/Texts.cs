using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TapBot.Cards;

/// <summary>
/// Every word TapBot says, from one resource file per language (<c>Cards/Texts.resx</c> is English and the
/// fallback; <c>Texts.de.resx</c>, <c>.fr</c>, <c>.es</c>, <c>.ja</c> translate it), read through
/// Microsoft.Extensions.Localization in the reader's language: <see cref="CultureInfo.CurrentUICulture"/>, which
/// <see cref="Use"/> sets for each turn from the activity's <c>locale</c>. A key missing from a language falls back
/// to English (and <c>TextsTests</c> fails until it is added).
/// </summary>
public static class Texts
{
    /// <summary>The languages TapBot speaks; English first (the fallback for any other locale).</summary>
    public static readonly string[] Languages = ["en", "de", "fr", "es", "ja"];

    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Texts));

    /// <summary>The text for <paramref name="key"/> in the current language, with <paramref name="args"/> in its {0}, {1}, …</summary>
    public static string Get(string key, params object?[] args)
    {
        var text = Localizer[key];
        if (text.ResourceNotFound) throw new KeyNotFoundException($"No text '{key}' in Cards/Texts.resx.");
        return args.Length == 0 ? text.Value : string.Format(CultureInfo.CurrentUICulture, text.Value, args);
    }

    /// <summary>
    /// A Domain refusal in the reader's words: its code's text (<c>Refusal.&lt;code&gt;</c>) with its facts, or the
    /// Domain's English message while that refusal has no code yet. Text facts are names and addresses from the
    /// directory, so they are escaped; a fact that is itself a refusal (a phrase, a wrapped sentence) is worded the same way.
    /// </summary>
    public static string Refusal(string? code, IReadOnlyList<object> args, string message) =>
        code is not null && Has("Refusal." + code) ? Get("Refusal." + code, [.. args.Select(Word)]) : message;

    /// <inheritdoc cref="Refusal(string?, IReadOnlyList{object}, string)"/>
    public static string Refusal(Domain.Refusals.Refusal refusal) => Refusal(refusal.Code, refusal.Args, refusal.Message);

    private static object Word(object arg) => arg switch
    {
        Domain.Refusals.Refusal nested => Refusal(nested),
        string text => CardText.Escape(text),
        _ => arg,
    };

    /// <summary>True when <paramref name="key"/> has a text (for words chosen by a stored value, such as an audit kind).</summary>
    public static bool Has(string key) => !Localizer[key].ResourceNotFound;

    /// <summary>The culture for a Teams locale ("de-DE", "ja-jp", "fr"): one of <see cref="Languages"/>, else English.</summary>
    public static CultureInfo CultureFor(string? locale)
    {
        // By the language part alone ("de-AT" → de): TapBot runs without ICU, so cultures carry only their names.
        var language = (locale ?? "").Trim().Split('-', '_')[0].ToLowerInvariant();
        return CultureInfo.GetCultureInfo(Languages.Contains(language) ? language : "en");
    }

    /// <summary>The language cards are worded in now ("en" for anything TapBot does not speak).</summary>
    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.Name.Split('-')[0] is var language && Languages.Contains(language) ? language : "en";

    /// <summary>Speak the reader's language for the rest of this async flow (one turn).</summary>
    public static void Use(string? locale)
    {
        var culture = CultureFor(locale);
        // Only the UI culture: parsing and formatting elsewhere in the turn stay culture-invariant as they were.
        CultureInfo.CurrentUICulture = culture;
    }
}
