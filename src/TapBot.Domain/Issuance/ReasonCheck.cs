using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TapBot.Domain.Audit;
using TapBot.Domain.Ports;

namespace TapBot.Domain.Issuance;

/// <summary>
/// <see cref="ReasonRules.Problem"/> for a real request. A pattern that times out is the configuration's fault, not
/// the user's: they are told so (not the generic apology), and it is logged and audited as a configuration problem.
/// Any other problem is audited as a refusal of <c>refusedKind</c>.
/// </summary>
public sealed class ReasonCheck(IOptions<IssuanceOptions> options, IAuditTrail audit, ILogger<ReasonCheck> logger)
{
    public const string PatternTimedOut =
        "TapBot could not check the reason: your organization's reason format (Issuance:ReasonPattern) takes too long to evaluate. " +
        "Nothing was created. Please tell your TapBot administrator.";

    /// <param name="refusedKind">The audit kind of the refusal (<see cref="AuditKinds.IssueRefused"/>, <see cref="AuditKinds.RequestRefused"/>).</param>
    public async Task<string?> ProblemAsync(string reason, string refusedKind, Requester requester, string? targetId, CancellationToken ct)
    {
        string? problem;
        try
        {
            problem = ReasonRules.Problem(reason, options.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            // The reason itself is not logged: it is free text, and the pattern is what needs fixing.
            logger.LogError("Configuration problem: Issuance:ReasonPattern took longer than {Timeout} ms on a {Length}-character reason; " +
                            "simplify it (nested repetition such as (a+)+ backtracks without end)", ReasonRules.PatternTimeout.TotalMilliseconds, reason.Length);
            await audit.AppendAsync(AuditEntry.Of(refusedKind, requester.ObjectId, targetId,
                ("reason", "configuration problem: Issuance:ReasonPattern timed out")), ct);
            return PatternTimedOut;
        }

        // Every refusal is audited: the rule that failed, never the reason that was typed (free text).
        if (problem is not null) await audit.AppendAsync(AuditEntry.Of(refusedKind, requester.ObjectId, targetId, ("reason", problem)), ct);
        return problem;
    }
}
