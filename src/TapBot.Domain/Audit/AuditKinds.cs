namespace TapBot.Domain.Audit;

/// <summary>The kinds of audit event, by name (they are stored and hashed: never rename one).</summary>
public static class AuditKinds
{
    /// <summary>The actor id of events TapBot records on its own behalf.</summary>
    public const string SystemActor = "tapbot";

    public const string StatusViewed = "StatusViewed";
    public const string StatusRefused = "StatusRefused";
    public const string AuditRetention = "AuditRetention";
    public const string IssueRefused = "IssueRefused";
    public const string IssueApproved = "IssueApproved";
    public const string IssueFailed = "IssueFailed";
    public const string Issued = "Issued";
    public const string Delivered = "Delivered";
    public const string Revoked = "Revoked";
    public const string RevokeRefused = "RevokeRefused";
    public const string Redacted = "Redacted";
    public const string IssueRecovered = "IssueRecovered";
    public const string ApproverChannelSet = "ApproverChannelSet";
    public const string ApproverChannelRefused = "ApproverChannelRefused";
    public const string AuditRefused = "AuditRefused";
    public const string OwnerNotified = "OwnerNotified";
    public const string OwnerNotNotified = "OwnerNotNotified";
    public const string AuditViewed = "AuditViewed";
    public const string RequestCreated = "RequestCreated";
    public const string RequestRefused = "RequestRefused";
    public const string RequestRouted = "RequestRouted";
    public const string RequestApproved = "RequestApproved";
    public const string RequestDenied = "RequestDenied";
    public const string DecisionRefused = "DecisionRefused";
    public const string RequestReminded = "RequestReminded";
    public const string RequestExpired = "RequestExpired";
    public const string LimitReached = "LimitReached";
    public const string SecurityAlertChannelSet = "SecurityAlertChannelSet";
    public const string EntitlementGranted = "EntitlementGranted";
    public const string EntitlementShown = "EntitlementShown";
    public const string EntitlementExpired = "EntitlementExpired";
    public const string EntitlementCancelled = "EntitlementCancelled";
    public const string RevealRefused = "RevealRefused";
    public const string RevealFailed = "RevealFailed";
    public const string RevealRecovered = "RevealRecovered";
}
