using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Issuance;

/// <summary>What the issue form offers, already bounded by the tenant policy and TapBot's ceiling.</summary>
public sealed record IssueForm(
    Person Target,
    IReadOnlyList<int> Lifetimes,
    int DefaultLifetime,
    bool OneTimeForced,
    TemporaryAccessPass? ExistingPass,
    IReadOnlyList<FormWarning> Warnings)
{
    /// <summary>Who the code may go to, in the order offered; the first is the default.</summary>
    public IReadOnlyList<RecipientKind> Recipients { get; init; } = [RecipientKind.Person];

    /// <summary>How far ahead the start may be set, in days (0: starts now only).</summary>
    public int MaxStartDelayDays { get; init; }

    /// <summary>Whether the reason may be left empty is decided by <c>Issuance:RequireReason</c>.</summary>
    public bool ReasonRequired { get; init; } = true;
}

/// <summary>What a form warns about, as a code with its facts: the host words it in the reader's language and time zone.</summary>
public enum FormWarningKind
{
    /// <summary>The person already holds a usable pass until <see cref="FormWarning.Until"/>; issuing replaces it.</summary>
    UsablePass,

    /// <summary>The person is an internal guest.</summary>
    Guest,

    /// <summary>The recipient has not opened a chat with TapBot yet.</summary>
    NoChat,

    /// <summary>A request for the account already waits for a decision until <see cref="FormWarning.Until"/>.</summary>
    PendingRequest,
}

public sealed record FormWarning(FormWarningKind Kind, string PersonName, DateTimeOffset? Until = null);

public abstract record PrepareOutcome
{
    private PrepareOutcome() { }

    public sealed record Form(IssueForm Value) : PrepareOutcome;

    /// <summary>The name picks nobody, or several people: answered the same way by every command.</summary>
    public sealed record Unresolved(PersonLookup.Miss Lookup) : PrepareOutcome;

    public sealed record Refused(string Message) : PrepareOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];
    }
}

/// <summary>The approver's choices from the form. Untrusted: every field is checked again.</summary>
public sealed record IssueChoice(string PersonId, int LifetimeInMinutes, bool IsUsableOnce, string? Reason)
{
    public RecipientKind Recipient { get; init; } = RecipientKind.Person;

    /// <summary>When the pass starts; null for now.</summary>
    public DateTimeOffset? StartsAt { get; init; }
}

public abstract record IssueOutcome
{
    private IssueOutcome() { }

    /// <summary>Issued and delivered; <paramref name="IssuerName"/> is who issued it (not necessarily who clicked last).</summary>
    public sealed record Issued(AccessRequest Request, Person Target, string IssuerName) : IssueOutcome
    {
        /// <summary>Who received the code; the target unless the issuer chose their manager or themselves.</summary>
        public Person? Recipient { get; init; }
    }

    /// <summary>
    /// Approved in reveal-on-demand mode: an entitlement was granted and its card (without a code) posted to the
    /// recipient; no pass exists until they press Show code.
    /// </summary>
    public sealed record Granted(AccessRequest Request, Entitlements.PassEntitlement Entitlement, Person Target, string IssuerName) : IssueOutcome
    {
        public Person? Recipient { get; init; }
    }

    public sealed record Refused(string Message) : IssueOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The abuse limit that refused it, if a limit did (the card words it for the reader).</summary>
        public Limits.LimitRefusal? Limit { get; init; }

        /// <summary>The approver can fix it on the same form (lifetime, start, reason, recipient): the form is shown again, values kept.</summary>
        public bool MayRetry { get; init; }

        /// <summary>
        /// The refusal as a code with its facts, for the host to word in the reader's language; <see cref="Message"/>
        /// is the English wording (audit trail, logs). Null where no code is assigned yet: the host shows the message.
        /// </summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];
    }
}

/// <summary>Where a passcode card was posted, for later redaction.</summary>
public sealed record DeliveryReceipt(string ConversationId, string MessageId);

/// <summary>The passcode could not be delivered privately.</summary>
public sealed class DeliveryFailedException(string message, Exception? inner = null) : Exception(message, inner);
