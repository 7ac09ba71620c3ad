namespace TapBot.Cards;

/// <summary>
/// The version of a form's layout, carried in its submit data. A click on a form built by an older TapBot (other
/// inputs, other meanings) is answered with "start again" instead of being read with today's rules.
/// </summary>
public static class FormVersion
{
    public const string Key = "v";

    /// <summary>The issue form with start and recipient.</summary>
    public const string Issue = "2";

    /// <summary>The request form (recovery help, or a helpdesk request on someone's behalf).</summary>
    public const string Request = "1";
}
