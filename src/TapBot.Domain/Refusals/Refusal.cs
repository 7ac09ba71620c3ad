namespace TapBot.Domain.Refusals;

/// <summary>
/// Why TapBot says no, as a code with its facts for the host to word in the reader's language
/// (<c>Refusal.&lt;Code&gt;</c> in Texts), and the same sentence in English (<see cref="Message"/>: audit trail, logs,
/// and what the host shows when a language has no text for the code). An argument may itself be a
/// <see cref="Refusal"/> (a phrase worded the same way); strings are people's names and other directory text.
/// </summary>
public sealed record Refusal(string Code, IReadOnlyList<object> Args, string Message)
{
    public override string ToString() => Message;
}
