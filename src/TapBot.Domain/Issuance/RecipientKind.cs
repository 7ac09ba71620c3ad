namespace TapBot.Domain.Issuance;

/// <summary>Who receives a pass's code. Only ever one person's own 1:1 chat with TapBot.</summary>
public enum RecipientKind
{
    /// <summary>The account's owner (the usual case).</summary>
    Person,

    /// <summary>The owner's manager in the directory, who hands it over in person.</summary>
    Manager,

    /// <summary>The approver who issues it, e.g. to read it out on a call after verifying the caller.</summary>
    Requester,
}
