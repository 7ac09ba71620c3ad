namespace TapBot.Domain.Passes;

/// <summary>
/// A Temporary Access Pass code, as Graph returns it once at creation. It prints as a placeholder, so it cannot
/// slip into a log line, an exception message or an interpolated string; only <see cref="Reveal"/> gives the
/// characters, and only the private delivery calls it.
/// </summary>
public sealed class Passcode(string value)
{
    public string Reveal() => value;

    public int Length => value.Length;

    public override string ToString() => "[passcode hidden]";
}

/// <summary>A pass just created: what the directory says about it, and its code.</summary>
public sealed record IssuedPass(TemporaryAccessPass Pass, Passcode Code)
{
    // A record prints its members; this one must never print the code's characters (Passcode hides them anyway).
    public override string ToString() => $"IssuedPass {{ Pass = {Pass}, Code = {Code} }}";
}
