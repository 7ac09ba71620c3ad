using TapBot.Domain.Configuration;

namespace TapBot.Domain.Limits;

/// <summary>
/// TapBot's abuse limits, shared by every instance through the database. Bound from the <c>Limits</c> section; 0
/// turns a limit off. Windows are fixed and in UTC (a calendar day, a clock hour, ten clock minutes), so every
/// refusal can say exactly when the limit resets.
/// </summary>
public sealed class LimitOptions : ICheckedOptions
{
    public const string Section = "Limits";

    /// <summary>Highest value any limit accepts: beyond it a limit is not a limit.</summary>
    public const int MaxValue = 10_000;

    /// <value>Passes granted for one person per UTC day (direct issuance or an approved request). Default 3.</value>
    public int PassesPerPersonPerDay { get; set; } = 3;

    /// <value>Passes one approver may grant (issue or approve) per clock hour. Default 20.</value>
    public int IssuancesPerApproverPerHour { get; set; } = 20;

    /// <value>Requests filed on behalf of other people that may wait for a decision at once, per person filing. Default 10.</value>
    public int OpenRequestsPerOperator { get; set; } = 10;

    /// <value>Requests for one person's account per UTC day, whoever files them. Default 3.</value>
    public int RequestsPerPersonPerDay { get; set; } = 3;

    /// <value>Refused commands and clicks per person per ten minutes; past it TapBot answers once, then ignores them until the window ends. Default 20.</value>
    public int RefusalsPerPersonPer10Minutes { get; set; } = 20;

    /// <summary>The configured maximum of a limit (0: off).</summary>
    public int Max(LimitKind kind) => kind switch
    {
        LimitKind.PassesPerPerson => PassesPerPersonPerDay,
        LimitKind.IssuancesPerApprover => IssuancesPerApproverPerHour,
        LimitKind.OpenRequestsPerOperator => OpenRequestsPerOperator,
        LimitKind.RequestsPerPerson => RequestsPerPersonPerDay,
        LimitKind.RefusedCommands => RefusalsPerPersonPer10Minutes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public IEnumerable<string> Problems()
    {
        foreach (var kind in Enum.GetValues<LimitKind>())
        {
            if (Max(kind) is < 0 or > MaxValue) yield return $"Limits:{SettingName(kind)} must be 0 (off) or 1..{MaxValue}.";
        }
    }

    public static string SettingName(LimitKind kind) => kind switch
    {
        LimitKind.PassesPerPerson => nameof(PassesPerPersonPerDay),
        LimitKind.IssuancesPerApprover => nameof(IssuancesPerApproverPerHour),
        LimitKind.OpenRequestsPerOperator => nameof(OpenRequestsPerOperator),
        LimitKind.RequestsPerPerson => nameof(RequestsPerPersonPerDay),
        _ => nameof(RefusalsPerPersonPer10Minutes),
    };
}
