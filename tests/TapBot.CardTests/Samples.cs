using TapBot.Domain;
using TapBot.Domain.Approvals;
using TapBot.Domain.Audit;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using TapBot.Domain.Requests;

namespace TapBot.CardTests;

/// <summary>
/// The domain data the catalog's cards are built from: fixed ids and times, so golden files are stable.
/// <see cref="Realistic"/> is the simulated Contoso tenant's people; <see cref="WithUserText"/> puts one (hostile)
/// string into everything a user or the directory controls: names, UPNs, mail, job titles, reasons, typed queries.
/// </summary>
public sealed class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);
    public const string TenantId = "0b5c7e3a-6f2d-4c1e-9a8b-2d4f6e8a0c1e";

    private Samples(Func<string, string> text)
    {
        Adele = Member("5d6f7a80-1a2b-4c3d-8e9f-a1b2c3d4e5f6", text("Adele Vance"), text("adele@contoso.com"), text("Retail Manager"));
        Megan = Member("8a9b0c1d-2e3f-4a5b-8c7d-e8f9a0b1c2d3", text("Megan Bowen"), text("megan@contoso.com"), text("Marketing Manager"));
        Alex = Member("1c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e5f", text("Alex Wilber"), text("alex@contoso.com"), text("Marketing Assistant"));
        Alexandra = Member("2d3e4f5a-6b7c-4d8e-8f9a-1b2c3d4e5f6a", text("Alexandra Walker"), text("alexandra@contoso.com"), null);
        Lynne = Member("3e4f5a6b-7c8d-4e9f-a0b1-2c3d4e5f6a7b", text("Lynne Robbins"), text("lynne@contoso.com"), text("Planner")) with
        {
            UserType = "Guest",
        };
        Reason = text("INC-4711: lost phone, new passkey");
        Query = text("Alex");
        Issuer = new Requester(Megan.Id, Megan.DisplayName);
    }

    public static Samples Realistic { get; } = new(s => s);

    public static Samples WithUserText(string userText) => new(_ => userText);

    public Person Adele { get; }
    public Person Megan { get; }
    public Person Alex { get; }
    public Person Alexandra { get; }

    /// <summary>An internal guest (userType Guest, homed in this tenant).</summary>
    public Person Lynne { get; }

    public Requester Issuer { get; }
    public string Reason { get; }

    /// <summary>What someone typed after "TAP status for".</summary>
    public string Query { get; }

    public static TemporaryAccessPass Usable { get; } = Pass("EnabledByPolicy", isUsable: true, startedMinutesAgo: 10);
    public static TemporaryAccessPass Reusable { get; } = Usable with { IsUsableOnce = false, LifetimeInMinutes = 480 };
    public static TemporaryAccessPass Expired { get; } = Pass("Expired", isUsable: false, startedMinutesAgo: 600);
    public static TemporaryAccessPass NotYetValid { get; } = Pass("NotYetValid", isUsable: false, startedMinutesAgo: -120);
    public static TemporaryAccessPass Used { get; } = Pass("OneTimeUsed", isUsable: false, startedMinutesAgo: 30);

    public static TapPolicy Policy { get; } = new(true, 60, 60, 480, 8, false, [new PolicyTarget("group", "all_users")], []);

    public static TapPolicy PolicyForGroups { get; } = Policy with
    {
        IsUsableOnce = true,
        IncludeTargets = [new PolicyTarget("group", "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e"), new PolicyTarget("group", "7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f")],
        ExcludeTargets = [new PolicyTarget("group", "8d9e0f1a-2b3c-4d4e-a5f6-6b7c8d9e0f1a")],
    };

    public static TapPolicy PolicyOff { get; } = Policy with { IsEnabled = false };

    public IssueForm Form(Person target, bool oneTimeForced = false, IReadOnlyList<FormWarning>? warnings = null) =>
        new(target, [60, 120, 240, 480], 60, oneTimeForced, null, warnings ?? []);

    /// <summary>The warnings IssuanceService puts on a form, as codes with their facts.</summary>
    public IReadOnlyList<FormWarning> Warnings(Person target) =>
    [
        new(FormWarningKind.UsablePass, target.DisplayName, Usable.ExpiresAt),
        new(FormWarningKind.Guest, target.DisplayName),
        new(FormWarningKind.NoChat, target.DisplayName),
    ];

    /// <summary>A direct issuance by Megan for Adele: approved, and (unless <paramref name="issued"/> is false) issued and delivered.</summary>
    public AccessRequest Request(bool issued = true)
    {
        var request = AccessRequest.Restore(new Guid("9e0f1a2b-3c4d-4e5f-b6a7-7c8d9e0f1a2b"), RequestKind.DirectIssuance, TenantId, Megan.Id,
            Adele.Id, Adele.Id, 60, null, true, Reason, Now, Now.AddHours(1), RequestStatus.Pending, null, null, null, null, null, 1);
        request.ApproveAsIssuer(Now);
        if (!issued) return request;
        request.MarkIssued(Usable.Id, Usable.ExpiresAt);
        request.MarkDelivered("a:1Xq3-personal-chat-adele", "1772442900000", Now);
        return request;
    }

    /// <summary>All three recipients and a start date on offer, as the default configuration has it.</summary>
    public IssueForm FullForm(Person target) =>
        Form(target) with { Recipients = [RecipientKind.Person, RecipientKind.Manager, RecipientKind.Requester], MaxStartDelayDays = 30 };

    public RequestForm RequestForm(bool forSelf) =>
        new(Adele, forSelf, [RecipientKind.Person, RecipientKind.Manager], Megan, new ApprovalRouting(Megan, true), []);

    /// <summary>Adele's recovery request (or Alex's on her behalf), routed to Megan (her manager) and the approvers' channel, in a state.</summary>
    public ApprovalView Approval(RequestStatus status, bool onBehalf = false)
    {
        var request = AccessRequest.Restore(new Guid("0f1a2b3c-4d5e-4f6a-8b7c-8d9e0f1a2b3c"), onBehalf ? RequestKind.OnBehalf : RequestKind.Recovery, TenantId,
            onBehalf ? Alex.Id : Adele.Id, Adele.Id, Adele.Id, 60, null, true, Reason, Now, Now.AddMinutes(60), RequestStatus.Pending, null, null, null, null, null, 1);
        var decided = Now.AddMinutes(4);
        switch (status)
        {
            case RequestStatus.Delivered:
                request.Decide(Megan.Id, true, decided);
                request.MarkIssued(Usable.Id, Usable.ExpiresAt);
                request.MarkDelivered("a:1Xq3-personal-chat-adele", "1772442900000", decided);
                break;
            case RequestStatus.Denied:
                request.Decide(Megan.Id, false, decided, Reason);
                break;
            case RequestStatus.Expired:
                request.Expire(Now.AddMinutes(61));
                break;
            case RequestStatus.Failed:
                request.Decide(Megan.Id, true, decided);
                request.MarkFailed("delivery failed");
                break;
        }

        return new ApprovalView(request, Adele, onBehalf ? Alex : Adele, Adele, status == RequestStatus.Pending ? null : Megan.DisplayName,
            new ApprovalRouting(Megan, true));
    }

    public OwnerNotice Notice() => new(Adele, Megan.DisplayName, Alex.DisplayName, Now, Now, Now.AddHours(1), "your IT security team");

    public AuditOutcome.Found Audit(bool empty = false) => new(Adele, empty ? [] :
    [
        new NamedAuditEvent(new AuditEvent(3, Now, AuditKinds.Delivered, Megan.Id, Adele.Id, new Dictionary<string, string> { ["reason"] = Reason, ["lifetimeMinutes"] = "60" }, "", ""), Megan.DisplayName),
        new NamedAuditEvent(new AuditEvent(2, Now, AuditKinds.Issued, Megan.Id, Adele.Id, new Dictionary<string, string> { ["reason"] = Reason, ["lifetimeMinutes"] = "60" }, "", ""), Megan.DisplayName),
        new NamedAuditEvent(new AuditEvent(1, Now, AuditKinds.RequestDenied, Megan.Id, Adele.Id, new Dictionary<string, string> { ["note"] = Reason }, "", ""), Megan.DisplayName),
    ]);

    public static IssuedPass Delivered(TemporaryAccessPass pass) => new(pass, new Passcode("Kx7#mQ2p"));

    private static Person Member(string id, string name, string upn, string? jobTitle) =>
        new(id, upn, upn, name, "Member", true, jobTitle);

    private static TemporaryAccessPass Pass(string usability, bool isUsable, int startedMinutesAgo) =>
        new("c4d5e6f7-8a9b-4c0d-b1e2-f3a4b5c6d7e8", Now.AddMinutes(-Math.Max(startedMinutesAgo, 5)), Now.AddMinutes(-startedMinutesAgo), 60, true,
            isUsable, usability);
}
