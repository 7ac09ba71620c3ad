using TapBot.Domain.Issuance;
using TapBot.Domain.People;
using TapBot.Domain.Requests;

namespace TapBot.Domain.Approvals;

/// <summary>Where an approval card goes.</summary>
public sealed record ApprovalRouting(Person? Manager, bool ToApproversChannel)
{
    public bool IsEmpty => Manager is null && !ToApproversChannel;

    /// <summary>Who was asked, in words for the requester ("Megan Bowen (your manager) and the approvers' channel").</summary>
    public string Describe(bool forSelf)
    {
        var parts = new List<string>();
        if (Manager is not null) parts.Add($"{Manager.DisplayName} ({(forSelf ? "your" : "their")} manager)");
        if (ToApproversChannel) parts.Add("the approvers' channel");
        return string.Join(" and ", parts);
    }
}

/// <summary>A request with the people it names, as every card about it shows it.</summary>
public sealed record ApprovalView(AccessRequest Request, Person Target, Person Requester, Person Recipient, string? DeciderName, ApprovalRouting Routing)
{
    public bool IsForSelf => Request.RequesterId == Request.TargetId;
}

/// <summary>What the request form offers.</summary>
public sealed record RequestForm(Person Target, bool IsForSelf, IReadOnlyList<RecipientKind> Recipients, Person? Manager, ApprovalRouting Routing,
    IReadOnlyList<FormWarning> Warnings)
{
    /// <summary>Whether the reason may be left empty is decided by <c>Issuance:RequireReason</c>.</summary>
    public bool ReasonRequired { get; init; } = true;
}

/// <summary>The requester's choices from the request form. Untrusted: every field is checked again.</summary>
public sealed record RequestChoice(string? PersonId, RecipientKind Recipient, string? Reason);

public abstract record RequestOutcome
{
    private RequestOutcome() { }

    public sealed record Form(RequestForm Value) : RequestOutcome;

    /// <summary>The request exists and was sent to its approvers (or was found again after a repeated click).</summary>
    public sealed record Submitted(ApprovalView View) : RequestOutcome;

    public sealed record Refused(string Message) : RequestOutcome
    {
        public Refused(Refusals.Refusal why) : this(why.Message) { Code = why.Code; Args = why.Args; }

        /// <summary>The requester can fix it on the same form (the reason): the form is shown again, values kept.</summary>
        public bool MayRetry { get; init; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned yet (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];

        /// <summary>The abuse limit that refused it, if a limit did (the card words it for the reader).</summary>
        public Limits.LimitRefusal? Limit { get; init; }
    }

    /// <summary>The name picks nobody, or several people: answered the same way by every command.</summary>
    public sealed record Unresolved(PersonLookup.Miss Lookup) : RequestOutcome;
}

public abstract record DecisionOutcome
{
    private DecisionOutcome() { }

    /// <summary>This click decided the request; <see cref="IssueProblem"/> says why no pass exists after an approval.</summary>
    public sealed record Decided(ApprovalView View, string? IssueProblem) : DecisionOutcome
    {
        /// <summary><see cref="IssueProblem"/> as a code with its facts for the host to word; null where none is assigned.</summary>
        public string? IssueCode { get; init; }

        public IReadOnlyList<object> IssueArgs { get; init; } = [];
    }

    /// <summary>Someone decided first, or the request lapsed: nothing changed.</summary>
    public sealed record AlreadyDecided(ApprovalView View) : DecisionOutcome;

    /// <summary>The click was refused; the request is unchanged. <see cref="View"/> is null when the request is unknown.</summary>
    public sealed record Refused(string Message, ApprovalView? View) : DecisionOutcome
    {
        public Refused(Refusals.Refusal why, ApprovalView? view) : this(why.Message, view) { Code = why.Code; Args = why.Args; }

        /// <summary>The refusal as a code with its facts for the host to word; null where none is assigned (the message is shown).</summary>
        public string? Code { get; init; }

        public IReadOnlyList<object> Args { get; init; } = [];

        /// <summary>The clicker may try again on the same card (a denial without a usable reason).</summary>
        public bool MayRetry { get; init; }

        /// <summary>The abuse limit that refused it, if a limit did (the card words it for the reader).</summary>
        public Limits.LimitRefusal? Limit { get; init; }
    }
}

/// <summary>A request as one viewer sees it: whether they may decide it now, and if not, why.</summary>
public sealed record ViewerView(ApprovalView View, bool CanDecide, Refusals.Refusal? WhyNot);
