using System.Text;

namespace TapBot.Cards;

/// <summary>
/// Makes user-controlled text (names, UPNs, what someone typed) inert inside card markdown: no links, emphasis,
/// lists, headings, mentions or template expressions.
/// </summary>
public static class CardText
{
    /// <summary>Longest user text a card repeats back; the rest is cut with an ellipsis.</summary>
    public const int MaxEcho = 200;

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Length > MaxEcho ? text[..MaxEcho] + "…" : text;
        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '[' or ']' or '`' or '~':
                    sb.Append('\\').Append(c);
                    break;
                // List, heading and quote markers only mean something at the start of the text.
                case '-' or '+' or '#' or '>' or '|' or '!' when sb.Length == 0:
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '{':
                    // "{{DATE(...)}}" and "${...}" are expressions to some renderers; a zero-width joiner breaks them.
                    sb.Append("\u200D{");
                    break;
                case '\r' or '\n' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
