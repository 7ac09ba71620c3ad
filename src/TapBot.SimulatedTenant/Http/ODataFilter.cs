using System.Globalization;
using System.Text.Json.Nodes;

namespace TapBot.SimulatedTenant.Http;

/// <summary>
/// The part of OData <c>$filter</c> the directory supports on users and role assignments: <c>eq</c>, <c>ne</c>,
/// <c>in (...)</c>, <c>startsWith(p,'x')</c>, <c>endsWith(p,'x')</c>, <c>and</c>, <c>or</c>, <c>not</c>, parentheses.
/// String comparisons are case-insensitive, as the directory's are.
/// </summary>
public sealed class ODataFilter
{
    private readonly Func<JsonObject, bool> _predicate;

    private ODataFilter(Func<JsonObject, bool> predicate, bool usesEndsWith)
    {
        _predicate = predicate;
        UsesAdvancedQuery = usesEndsWith;
    }

    /// <summary>True when the filter needs Graph's advanced query mode (ConsistencyLevel: eventual + $count).</summary>
    public bool UsesAdvancedQuery { get; }

    public bool Matches(JsonObject item) => _predicate(item);

    /// <summary>Longest filter accepted, and deepest nesting: a parser must not be a way to exhaust the stack.</summary>
    public const int MaxLength = 4096;
    public const int MaxDepth = 32;

    public static ODataFilter Parse(string text, IReadOnlySet<string> properties)
    {
        if (text.Length > MaxLength)
        {
            throw GraphErrorException.BadRequest($"Invalid filter clause: longer than {MaxLength} characters.");
        }

        var parser = new Parser(text, properties);
        var predicate = parser.ParseOr();
        parser.ExpectEnd();
        return new ODataFilter(predicate, parser.SawEndsWith);
    }

    private sealed class Parser(string text, IReadOnlySet<string> properties)
    {
        private int _pos;
        private int _depth;

        public bool SawEndsWith { get; private set; }

        public Func<JsonObject, bool> ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                var l = left; var r = ParseAnd();
                left = o => l(o) || r(o);
            }

            return left;
        }

        private Func<JsonObject, bool> ParseAnd()
        {
            var left = ParseUnary();
            while (TryKeyword("and"))
            {
                var l = left; var r = ParseUnary();
                left = o => l(o) && r(o);
            }

            return left;
        }

        private Func<JsonObject, bool> ParseUnary()
        {
            if (++_depth > MaxDepth) throw Invalid($"nested deeper than {MaxDepth}");
            try
            {
                return ParseUnaryCore();
            }
            finally
            {
                _depth--;
            }
        }

        private Func<JsonObject, bool> ParseUnaryCore()
        {
            if (TryKeyword("not"))
            {
                var inner = ParseUnary();
                return o => !inner(o);
            }

            SkipSpace();
            if (Peek('('))
            {
                _pos++;
                var inner = ParseOr();
                Expect(')');
                return inner;
            }

            var name = Identifier();
            SkipSpace();
            if (Peek('('))
            {
                return Function(name);
            }

            var property = Property(name);
            var op = Identifier().ToLowerInvariant();
            switch (op)
            {
                case "eq":
                case "ne":
                {
                    var value = Literal();
                    return op == "eq" ? o => Same(o[property], value) : o => !Same(o[property], value);
                }
                case "in":
                {
                    Expect('(');
                    var values = new List<JsonNode?> { Literal() };
                    while (TryChar(',')) values.Add(Literal());
                    Expect(')');
                    return o => values.Any(v => Same(o[property], v));
                }
                default:
                    throw Invalid($"operator '{op}' is not supported");
            }
        }

        private Func<JsonObject, bool> Function(string name)
        {
            Expect('(');
            var property = Property(Identifier());
            Expect(',');
            var value = Literal() is JsonValue v && v.TryGetValue<string>(out var str) ? str : throw Invalid("a string is expected");
            Expect(')');
            switch (name.ToLowerInvariant())
            {
                case "startswith":
                    return o => Text(o[property])?.StartsWith(value, StringComparison.OrdinalIgnoreCase) == true;
                case "endswith":
                    SawEndsWith = true;
                    return o => Text(o[property])?.EndsWith(value, StringComparison.OrdinalIgnoreCase) == true;
                default:
                    throw Invalid($"function '{name}' is not supported");
            }
        }

        private string Property(string name) =>
            properties.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid($"property '{name}' cannot be filtered");

        private JsonNode? Literal()
        {
            SkipSpace();
            if (TryChar('\''))
            {
                var sb = new System.Text.StringBuilder();
                while (true)
                {
                    if (_pos >= text.Length) throw Invalid("unterminated string");
                    var c = text[_pos++];
                    if (c == '\'')
                    {
                        if (_pos < text.Length && text[_pos] == '\'') { sb.Append('\''); _pos++; continue; }
                        return JsonValue.Create(sb.ToString());
                    }

                    sb.Append(c);
                }
            }

            var word = Identifier();
            return word.ToLowerInvariant() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" => null,
                _ when int.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                _ when Guid.TryParse(word, out var g) => JsonValue.Create(g.ToString()),
                _ => throw Invalid($"'{word}' is not a value"),
            };
        }

        private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

        private static bool Same(JsonNode? actual, JsonNode? expected)
        {
            if (expected is null) return actual is null;
            if (actual is null) return false;
            if (Text(expected) is { } e) return string.Equals(Text(actual), e, StringComparison.OrdinalIgnoreCase);
            return JsonNode.DeepEquals(actual, expected);
        }

        private string Identifier()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.' or '-' or '/' or '@')) _pos++;
            if (_pos == start) throw Invalid("a name is expected");
            return text[start.._pos];
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (_pos + keyword.Length <= text.Length
                && string.Compare(text, _pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (_pos + keyword.Length == text.Length || !char.IsLetterOrDigit(text[_pos + keyword.Length])))
            {
                _pos += keyword.Length;
                return true;
            }

            return false;
        }

        private bool TryChar(char c)
        {
            SkipSpace();
            if (Peek(c)) { _pos++; return true; }
            return false;
        }

        private void Expect(char c)
        {
            if (!TryChar(c)) throw Invalid($"'{c}' is expected");
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != text.Length) throw Invalid("unexpected text");
        }

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private GraphErrorException Invalid(string why) =>
            GraphErrorException.BadRequest($"Invalid filter clause: {why} at position {_pos}.");
    }
}
