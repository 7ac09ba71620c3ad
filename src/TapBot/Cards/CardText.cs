using System.Globalization;
using System.Text;

namespace TapBot.Cards;

/// <summary>
/// Makes user-controlled text (names, UPNs, what someone typed) inert inside card markdown: no links, emphasis,
/// lists, headings, mentions, template expressions or date functions, and no reordering of the text around it.
/// </summary>
public static class CardText
{
    /// <summary>Longest user text a card repeats back; the rest is cut with an ellipsis.</summary>
    public const int MaxEcho = 200;

    /// <summary>
    /// Invisible (zero width joiner) and kept between characters that must not meet: "{{" (DATE/TIME functions, which
    /// Teams evaluates in card text), "${" (template expressions) and "://" (what renderers turn into links).
    /// </summary>
    private const char Breaker = '\u200D';

    /// <summary>User text to put into TapBot's own markdown: every markup character is escaped; cut at <see cref="MaxEcho"/>.</summary>
    public static string Escape(string? text) => string.IsNullOrEmpty(text) ? "" : Clean(Cut(text), escapeAll: true);

    /// <summary>
    /// Markdown TapBot worded around user or directory text it could not escape (the domain's messages, which name
    /// people; choice titles, which some renderers read as markdown): keeps its emphasis, but nothing in it can add a
    /// link, image, tag, mention, heading, list, template expression or date function, or reorder the text.
    /// Text already escaped with <see cref="Escape"/> passes unchanged.
    /// </summary>
    public static string Defuse(string? markdown) => string.IsNullOrEmpty(markdown) ? "" : Clean(markdown, escapeAll: false);

    /// <summary>At most <see cref="MaxEcho"/> characters and an ellipsis, never cutting an emoji or accented letter in two.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxEcho) return text;
        var end = 0;
        for (var next = 0; next <= MaxEcho; next += StringInfo.GetNextTextElementLength(text, next)) end = next;
        return text[..end] + "…";
    }

    private static string Clean(string s, bool escapeAll)
    {
        var sb = new StringBuilder(s.Length + 8);
        var atStart = true; // only spaces so far: markers of headings, quotes, lists and tables still count
        var leadingDigits = 0; // "1." and "1)" start a numbered list
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] is '\r' or '\n' or '\t' ? ' ' : s[i];
            if (char.IsControl(c) || IsBidiControl(c)) continue;
            var digitsBefore = leadingDigits;
            leadingDigits = (atStart || leadingDigits > 0) && char.IsAsciiDigit(c) && leadingDigits < 9 ? leadingDigits + 1 : 0;
            switch (c)
            {
                case '\\' or '*' or '_' or '`' or '~' when escapeAll:
                case '[' or ']' when escapeAll || !IsEscaped(sb):
                case '#' or '>' or '|' or '!' when atStart:
                case '-' or '+' or '*' when atStart && (escapeAll || i + 1 == s.Length || char.IsWhiteSpace(s[i + 1])):
                case '.' or ')' when digitsBefore > 0:
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '{':
                    if (sb.Length == 0 || sb[^1] != Breaker) sb.Append(Breaker);
                    sb.Append(c);
                    break;
                case ':' when i + 2 < s.Length && s[i + 1] == '/' && s[i + 2] == '/':
                    sb.Append(c).Append(Breaker);
                    break;
                default:
                    sb.Append(c);
                    break;
            }

            atStart = atStart && c == ' ';
        }

        return sb.ToString();
    }

    /// <summary>True when what follows is escaped: the text ends in an odd number of backslashes.</summary>
    private static bool IsEscaped(StringBuilder sb)
    {
        var n = 0;
        while (n < sb.Length && sb[sb.Length - 1 - n] == '\\') n++;
        return n % 2 == 1;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that would reorder the text after them.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
