using System.Text.Json.Nodes;
using TapBot.Domain;
using TapBot.Domain.Issuance;
using TapBot.Domain.Passes;
using TapBot.Domain.People;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>The issue form, the receipt (no code, for everyone) and the card that carries the code (recipient only).</summary>
public static class PasscodeCards
{
    /// <param name="kept">A refused submit's values and the refusal, shown above the button; null for a new form.</param>
    public static JsonObject Form(IssueForm form, FormEntries? kept = null)
    {
        var t = form.Target;
        var body = new List<JsonNode?>
        {
            Heading(Texts.Get("Issue.Title", CardText.Escape(t.DisplayName))),
            Text(CardText.Escape(t.UserPrincipalName) + (t.JobTitle is { Length: > 0 } job ? " · " + CardText.Escape(job) : ""), subtle: true, spacing: "None"),
        };
        body.AddRange(form.Warnings.Select(w => (JsonNode?)FormParts.Warning(w)));
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "lifetime", ["label"] = Texts.Get("Issue.Lifetime"), ["style"] = "compact", ["isRequired"] = true,
            ["errorMessage"] = Texts.Get("Issue.PickLifetime"),
            ["value"] = kept?.Lifetime is { } l && form.Lifetimes.Any(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) == l)
                ? l : form.DefaultLifetime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["choices"] = new JsonArray(form.Lifetimes.Select(m => (JsonNode)new JsonObject
            {
                ["title"] = StatusCards.Lifetime(m), ["value"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        });
        body.Add(form.OneTimeForced
            ? Text(Texts.Get("Issue.OneTimeForced"), subtle: true)
            : new JsonObject
            {
                ["type"] = "Input.Toggle", ["id"] = "oneTime", ["label"] = Texts.Get("Issue.OneTimeLabel"), ["title"] = Texts.Get("Issue.OneTimeToggle"),
                ["value"] = kept?.OneTime == false ? "false" : "true", ["valueOn"] = "true", ["valueOff"] = "false",
            });
        if (form.MaxStartDelayDays > 0)
        {
            // Empty date = now. Date and time are read in the approver's own time zone (Teams sends it with the click).
            body.Add(new JsonObject
            {
                ["type"] = "Input.Date", ["id"] = "startDate", ["label"] = Texts.Get("Issue.StartDate"),
            });
            if (kept?.StartDate is { } date) ((JsonObject)body[^1]!)["value"] = date;
            body.Add(new JsonObject { ["type"] = "Input.Time", ["id"] = "startTime", ["label"] = Texts.Get("Issue.StartTime"), ["value"] = kept?.StartTime ?? "09:00" });
        }

        if (form.Recipients.Count > 1)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = "recipient", ["label"] = Texts.Get("Form.SendCodeTo"), ["style"] = "expanded", ["isRequired"] = true,
                ["errorMessage"] = Texts.Get("Form.ChooseRecipient"),
                ["value"] = RecipientValues.Of(kept?.Recipient is { } r && form.Recipients.Contains(r) ? r : form.Recipients[0]),
                ["choices"] = new JsonArray(form.Recipients.Select(k => (JsonNode)new JsonObject
                {
                    // Choice titles of an expanded set are read as markdown: the names in them are defused.
                    ["title"] = CardText.Defuse(CardText.Cut(RecipientTitle(k, t))), ["value"] = RecipientValues.Of(k),
                }).ToArray()),
            });
        }

        body.Add(FormParts.ReasonInput(Texts.Get("Form.Reason"), form.ReasonRequired, null, kept));
        body.Add(Text(Texts.Get("Issue.PrivateNote"), subtle: true, size: "Small"));
        body.Add(FormParts.KeptProblem(kept));
        return New(body, [Execute(Texts.Get("Button.IssuePass"), CardVerbs.IssuePass,
            new JsonObject { ["personId"] = t.Id, ["recipient"] = RecipientValues.Of(form.Recipients[0]), [FormVersion.Key] = FormVersion.Issue }, style: "positive")],
            speak: Texts.Get(kept is null ? "Issue.Speak" : "Issue.SpeakKept"));
    }

    private static string RecipientTitle(RecipientKind kind, Person target) => kind switch
    {
        RecipientKind.Person => Texts.Get("Issue.Recipient.Person", target.DisplayName),
        RecipientKind.Manager => Texts.Get("Issue.Recipient.Manager", target.DisplayName),
        _ => Texts.Get("Issue.Recipient.Me"),
    };

    public static JsonObject Receipt(IssueOutcome.Issued issued)
    {
        var r = issued.Request;
        return New(
        [
            Heading(Texts.Get("Receipt.Title", CardText.Escape(issued.Target.DisplayName))),
            Facts(
            [
                (Texts.Get("Fact.IssuedBy"), CardText.Escape(issued.IssuerName)),
                (Texts.Get("Fact.For"), CardText.Escape(issued.Target.UserPrincipalName)),
                (Texts.Get("Fact.SentTo"), Texts.Get("Receipt.Privately", CardText.Escape((issued.Recipient ?? issued.Target).DisplayName))),
                (Texts.Get("Fact.Starts"), When(r.StartsAt ?? r.Decision!.At)),
                (Texts.Get("Fact.Expires"), r.PassExpiresAt is { } e ? When(e) : Texts.Get("Common.Unknown")),
                (Texts.Get("Fact.OneTime"), Texts.Get(r.IsUsableOnce ? "Common.Yes" : "Common.No")),
                (Texts.Get("Fact.Reason"), CardText.Escape(r.Reason)),
            ]),
            Text(Texts.Get("Receipt.NoCode"), subtle: true, size: "Small"),
        ],
        r.PassId is { } passId
            ? [Execute(Texts.Get("Button.RevokePass"), CardVerbs.RevokePass, new JsonObject { ["personId"] = issued.Target.Id, ["passId"] = passId }, style: "destructive")]
            : null,
        speak: Texts.Get("Receipt.Speak"));
    }

    public static JsonObject ConfirmRevoke(RevokeOutcome.Confirm confirm) => New(
        [
            Heading(Texts.Get("Revoke.Title", CardText.Escape(confirm.Target.DisplayName))),
            Facts(
            [
                (Texts.Get("Fact.Created"), When(confirm.Pass.CreatedAt)),
                (Texts.Get("Fact.Expires"), When(confirm.Pass.ExpiresAt)),
                (Texts.Get("Fact.Status"), StatusCards.Usability(confirm.Pass.UsabilityReason)),
            ]),
            Text(Texts.Get("Revoke.Text"), subtle: true),
        ],
        [
            Execute(Texts.Get("Button.Revoke"), CardVerbs.RevokePass, new JsonObject { ["personId"] = confirm.Target.Id, ["passId"] = confirm.Pass.Id }, style: "destructive"),
            Execute(Texts.Get("Button.KeepIt"), CardVerbs.Cancel),
        ]);

    public static JsonObject Revoked(RevokeOutcome.Revoked revoked, Requester by) => New(
    [
        Heading(Texts.Get("Revoked.Title", CardText.Escape(revoked.Target.DisplayName))),
        Text(Texts.Get("Revoked.By", CardText.Escape(by.DisplayName)) + (revoked.CardRedacted ? " " + Texts.Get("Revoked.CardRedacted") : "")
             + EntitlementCards.CancelledLine(revoked.EntitlementsCancelled)),
    ]);

    /// <summary>What the recipient's passcode card becomes once the pass is revoked or expired.</summary>
    public static JsonObject Redacted(string why) => New(
    [
        Heading(Texts.Get("Redacted.Title." + Known(why))),
        Text(Texts.Get("Redacted.Text." + Known(why)), subtle: true),
    ]);

    private static string Known(string why) => why is "revoked" or "expired" or "used" or "removed" or "withdrawn" ? why : "removed";

    /// <summary>The card that carries the code, in the recipient's own chat: the owner, or someone handing it over.</summary>
    public static JsonObject Delivered(Person target, IssuedPass pass, Requester issuer, string recipientId, string securityContact)
    {
        var forOwner = string.Equals(recipientId, target.Id, StringComparison.OrdinalIgnoreCase);
        return New(
        [
            Heading(forOwner ? Texts.Get("Delivered.TitleOwner") : Texts.Get("Delivered.TitleOther", CardText.Escape(target.DisplayName))),
            Text(forOwner
                ? Texts.Get("Delivered.TextOwner", CardText.Escape(issuer.DisplayName), CardText.Escape(target.UserPrincipalName))
                : Texts.Get("Delivered.TextOther", CardText.Escape(issuer.DisplayName), CardText.Escape(target.DisplayName), CardText.Escape(target.UserPrincipalName))),
            // Monospace, no markdown processing of the code: it is shown exactly as Entra created it.
            new JsonObject
            {
                ["type"] = "RichTextBlock",
                ["inlines"] = new JsonArray(new JsonObject
                {
                    ["type"] = "TextRun", ["text"] = pass.Code.Reveal(), ["fontType"] = "Monospace", ["size"] = "ExtraLarge", ["weight"] = "Bolder",
                }),
            },
            Facts(
            [
                (Texts.Get("Fact.ValidFrom"), When(pass.Pass.StartsAt)),
                (Texts.Get("Fact.ValidUntil"), When(pass.Pass.ExpiresAt)),
                (Texts.Get("Fact.OneTime"), Texts.Get(pass.Pass.IsUsableOnce ? "Delivered.OneTimeYes" : "Delivered.OneTimeNo")),
            ]),
            Text(Texts.Get("Delivered.HowTo"), size: "Small"),
            forOwner ? Text(Texts.Get("Delivered.Unexpected", CardText.Escape(securityContact)), size: "Small", color: "Attention") : null,
        ],
        // Never the code: a screen reader reads the card's text itself only when the person moves into it.
        speak: Texts.Get("Delivered.Speak"));
    }

    /// <summary>The owner's notice when someone else received the code for their account (never the code itself).</summary>
    public static JsonObject OwnerNotice(OwnerNotice notice) => New(
    [
        Heading(Texts.Get("Notice.Title")),
        Facts(
        [
            (Texts.Get("Fact.IssuedBy"), CardText.Escape(notice.IssuerName)),
            (Texts.Get("Fact.Issued"), When(notice.IssuedAt)),
            (Texts.Get("Fact.CodeSentTo"), Texts.Get("Receipt.Privately", CardText.Escape(notice.RecipientName))),
            (Texts.Get("Fact.Valid"), Texts.Get("Notice.ValidRange", When(notice.StartsAt), When(notice.ExpiresAt))),
        ]),
        Text(Texts.Get("Notice.Text", CardText.Escape(notice.SecurityContact)), color: "Attention"),
    ],
    speak: Texts.Get("Notice.Speak"));
}
