namespace TapBot.Commands;

/// <summary>What someone asked TapBot to do, parsed from chat text.</summary>
public abstract record BotCommand
{
    private BotCommand() { }

    public sealed record Help : BotCommand;

    /// <summary>TAP status; <paramref name="PersonText"/> is null for "my TAP status".</summary>
    public sealed record Status(string? PersonText) : BotCommand;

    /// <summary>"issue TAP for X": an approver asks for the issue form.</summary>
    public sealed record Issue(string PersonText) : BotCommand;

    /// <summary>"revoke TAP for X": an approver asks to delete a person's pass.</summary>
    public sealed record Revoke(string PersonText) : BotCommand;

    /// <summary>"use this channel for TAP approvals": an approver picks the channel approval cards go to.</summary>
    public sealed record SetApproverChannel : BotCommand;

    /// <summary>"use this channel for TAP security alerts": an approver picks the channel limit alerts go to.</summary>
    public sealed record SetSecurityAlertChannel : BotCommand;

    /// <summary>The tenant's TAP policy in plain words.</summary>
    public sealed record Policy : BotCommand;

    /// <summary>"I lost my phone", "request TAP": someone asks for recovery help for their own account.</summary>
    public sealed record RequestHelp : BotCommand;

    /// <summary>"audit for X": recent audit events about a person (approvers and auditors).</summary>
    public sealed record Audit(string PersonText) : BotCommand;

    public sealed record Unknown(string Text) : BotCommand;
}
