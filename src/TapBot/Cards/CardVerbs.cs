namespace TapBot.Cards;

/// <summary>Every Action.Execute verb TapBot understands, named by intent.</summary>
public static class CardVerbs
{
    /// <summary>Show the TAP status of a person picked from a list.</summary>
    public const string ShowStatus = "showStatus";

    /// <summary>Open the issue form for a person picked from a list.</summary>
    public const string PrepareIssue = "prepareIssue";

    /// <summary>Issue the pass described by the form.</summary>
    public const string IssuePass = "issuePass";

    /// <summary>Revoke the pass shown on the card (after confirmation, or from a receipt).</summary>
    public const string RevokePass = "revokePass";

    /// <summary>Leave things as they are.</summary>
    public const string Cancel = "cancel";

    /// <summary>Open the request form for a person picked from a list (helpdesk, on someone's behalf).</summary>
    public const string PrepareRequest = "prepareRequest";

    /// <summary>Send a request for a pass to its approvers.</summary>
    public const string RequestPass = "requestPass";

    /// <summary>Approve a pending request (issues and delivers the pass).</summary>
    public const string ApproveRequest = "approveRequest";

    /// <summary>Deny a pending request, with a reason.</summary>
    public const string DenyRequest = "denyRequest";

    /// <summary>A request card's refresh: the viewer's own view of it (never changes anything).</summary>
    public const string RefreshRequest = "refreshRequest";

    /// <summary>Show the code of an approved pass (reveal on demand): creates the pass and answers with its code, recipient only.</summary>
    public const string ShowCode = "showCode";
}
