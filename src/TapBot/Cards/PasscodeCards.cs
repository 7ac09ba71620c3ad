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
            Heading($"Issue a Temporary Access Pass for {CardText.Escape(t.DisplayName)}"),
            Text(CardText.Escape(t.UserPrincipalName) + (t.JobTitle is { Length: > 0 } job ? " · " + CardText.Escape(job) : ""), subtle: true, spacing: "None"),
        };
        body.AddRange(form.Warnings.Select(w => (JsonNode?)Text("**Note:** " + CardText.Escape(w), color: "Warning")));
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "lifetime", ["label"] = "Lifetime", ["style"] = "compact", ["isRequired"] = true,
            ["errorMessage"] = "Pick a lifetime.",
            ["value"] = kept?.Lifetime is { } l && form.Lifetimes.Any(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) == l)
                ? l : form.DefaultLifetime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["choices"] = new JsonArray(form.Lifetimes.Select(m => (JsonNode)new JsonObject
            {
                ["title"] = StatusCards.Lifetime(m), ["value"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        });
        body.Add(form.OneTimeForced
            ? Text("One-time use: required by your organization's policy.", subtle: true)
            : new JsonObject
            {
                ["type"] = "Input.Toggle", ["id"] = "oneTime", ["label"] = "One-time use", ["title"] = "One-time use (recommended)",
                ["value"] = kept?.OneTime == false ? "false" : "true", ["valueOn"] = "true", ["valueOff"] = "false",
            });
        if (form.MaxStartDelayDays > 0)
        {
            // Empty date = now. Date and time are read in the approver's own time zone (Teams sends it with the click).
            body.Add(new JsonObject
            {
                ["type"] = "Input.Date", ["id"] = "startDate", ["label"] = "Start (leave empty to start now)",
            });
            if (kept?.StartDate is { } date) ((JsonObject)body[^1]!)["value"] = date;
            body.Add(new JsonObject { ["type"] = "Input.Time", ["id"] = "startTime", ["label"] = "Start time (your time zone)", ["value"] = kept?.StartTime ?? "09:00" });
        }

        if (form.Recipients.Count > 1)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = "recipient", ["label"] = "Send the code to", ["style"] = "expanded", ["isRequired"] = true,
                ["errorMessage"] = "Choose who receives the code.",
                ["value"] = RecipientValues.Of(kept?.Recipient is { } r && form.Recipients.Contains(r) ? r : form.Recipients[0]),
                ["choices"] = new JsonArray(form.Recipients.Select(k => (JsonNode)new JsonObject
                {
                    // Choice titles of an expanded set are read as markdown: the names in them are defused.
                    ["title"] = CardText.Defuse(CardText.Cut(RecipientTitle(k, t))), ["value"] = RecipientValues.Of(k),
                }).ToArray()),
            });
        }

        body.Add(ReasonInput(form.ReasonRequired ? "Reason or ticket number" : "Reason or ticket number (optional)", form.ReasonRequired, null, kept));
        body.Add(Text("The code is sent privately, in the recipient's own chat with TapBot. Nobody else sees it.", subtle: true, size: "Small"));
        body.Add(KeptProblem(kept));
        return New(body, [Execute("Issue pass", CardVerbs.IssuePass,
            new JsonObject { ["personId"] = t.Id, ["recipient"] = RecipientValues.Of(form.Recipients[0]), [FormVersion.Key] = FormVersion.Issue }, style: "positive")],
            speak: kept is null ? "Form to issue a Temporary Access Pass." : "The pass was not issued yet. The reason is shown above the button.");
    }

    /// <summary>The reason box; required unless <c>Issuance:RequireReason</c> is false. A kept reason is a value, never markdown.</summary>
    internal static JsonObject ReasonInput(string label, bool required, string? placeholder, FormEntries? kept)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = "reason", ["label"] = label, ["isRequired"] = required, ["maxLength"] = ReasonRules.MaxLength };
        if (required) input["errorMessage"] = "A reason is required.";
        if (placeholder is not null) input["placeholder"] = placeholder;
        if (kept?.Reason is { Length: > 0 } reason) input["value"] = reason;
        return input;
    }

    /// <summary>Why the last submit was refused, just above the button; the words say it, the colour only repeats it.</summary>
    internal static JsonObject? KeptProblem(FormEntries? kept) =>
        kept is null ? null : Text("**Not sent yet:** " + CardText.Defuse(kept.Problem), color: "Attention", spacing: "Medium");

    private static string RecipientTitle(RecipientKind kind, Person target) => kind switch
    {
        RecipientKind.Person => $"{target.DisplayName} (recommended)",
        RecipientKind.Manager => $"{target.DisplayName}'s manager, to hand over in person",
        _ => "Me, to read out after verifying the caller",
    };

    public static JsonObject Receipt(IssueOutcome.Issued issued)
    {
        var r = issued.Request;
        return New(
        [
            Heading($"Temporary Access Pass issued for {CardText.Escape(issued.Target.DisplayName)}"),
            Facts(
            [
                ("Issued by", CardText.Escape(issued.IssuerName)),
                ("For", CardText.Escape(issued.Target.UserPrincipalName)),
                ("Sent to", $"{CardText.Escape((issued.Recipient ?? issued.Target).DisplayName)}, privately"),
                ("Starts", When(r.StartsAt ?? r.Decision!.At)),
                ("Expires", r.PassExpiresAt is { } e ? When(e) : "unknown"),
                ("One-time use", r.IsUsableOnce ? "Yes" : "No"),
                ("Reason", CardText.Escape(r.Reason)),
            ]),
            Text("The code is not shown here: only the recipient sees it, in their own chat with TapBot.", subtle: true, size: "Small"),
        ],
        r.PassId is { } passId
            ? [Execute("Revoke pass", CardVerbs.RevokePass, new JsonObject { ["personId"] = issued.Target.Id, ["passId"] = passId }, style: "destructive")]
            : null,
        speak: "Temporary Access Pass issued. The code was sent privately to the recipient.");
    }

    public static JsonObject ConfirmRevoke(RevokeOutcome.Confirm confirm) => New(
        [
            Heading($"Revoke {CardText.Escape(confirm.Target.DisplayName)}'s Temporary Access Pass?"),
            Facts(
            [
                ("Created", When(confirm.Pass.CreatedAt)),
                ("Expires", When(confirm.Pass.ExpiresAt)),
                ("Status", confirm.Pass.UsabilityInWords),
            ]),
            Text("They will no longer be able to sign in with it. This cannot be undone; a new pass can be issued.", subtle: true),
        ],
        [
            Execute("Revoke", CardVerbs.RevokePass, new JsonObject { ["personId"] = confirm.Target.Id, ["passId"] = confirm.Pass.Id }, style: "destructive"),
            Execute("Keep it", CardVerbs.Cancel),
        ]);

    public static JsonObject Revoked(RevokeOutcome.Revoked revoked, Requester by) => New(
    [
        Heading($"Temporary Access Pass revoked for {CardText.Escape(revoked.Target.DisplayName)}"),
        Text($"Revoked by {CardText.Escape(by.DisplayName)}." + (revoked.CardRedacted ? " The card that carried the code no longer shows it." : "")),
    ]);

    /// <summary>What the recipient's passcode card becomes once the pass is revoked or expired.</summary>
    public static JsonObject Redacted(string why) => New(
    [
        Heading("Temporary Access Pass " + why),
        Text($"This pass was {why}, so its code is no longer shown. Ask your helpdesk if you still need to set up a sign-in method.", subtle: true),
    ]);

    /// <summary>The card that carries the code, in the recipient's own chat: the owner, or someone handing it over.</summary>
    public static JsonObject Delivered(Person target, IssuedPass pass, Requester issuer, string recipientId, string securityContact)
    {
        var forOwner = string.Equals(recipientId, target.Id, StringComparison.OrdinalIgnoreCase);
        return New(
        [
            Heading(forOwner ? "Your Temporary Access Pass" : $"Temporary Access Pass for {CardText.Escape(target.DisplayName)}"),
            Text(forOwner
                ? $"{CardText.Escape(issuer.DisplayName)} issued it for your account ({CardText.Escape(target.UserPrincipalName)}). Use it to sign in once and set up a passkey or Microsoft Authenticator."
                : $"{CardText.Escape(issuer.DisplayName)} issued it for {CardText.Escape(target.DisplayName)}'s account ({CardText.Escape(target.UserPrincipalName)}) and sent it to you. " +
                  "Give it only to them, in person or on a call after checking it is really them. Never post it in a chat or email."),
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
                ("Valid from", When(pass.Pass.StartsAt)),
                ("Valid until", When(pass.Pass.ExpiresAt)),
                ("One-time use", pass.Pass.IsUsableOnce ? "Yes: it works for one sign-in" : "No: it works until it expires"),
            ]),
            Text("Go to https://aka.ms/mysecurityinfo, sign in with the username and this pass, and add the new sign-in method. " +
                 "Never share this code otherwise: nobody from IT will ask for it.", size: "Small"),
            forOwner ? Text($"Didn't expect this pass? Tell {CardText.Escape(securityContact)} right away.", size: "Small", color: "Attention") : null,
        ],
        // Never the code: a screen reader reads the card's text itself only when the person moves into it.
        speak: "A Temporary Access Pass has arrived. The code is shown on the card and is not read aloud.");
    }

    /// <summary>The owner's notice when someone else received the code for their account (never the code itself).</summary>
    public static JsonObject OwnerNotice(OwnerNotice notice) => New(
    [
        Heading("A Temporary Access Pass was issued for your account"),
        Facts(
        [
            ("Issued by", CardText.Escape(notice.IssuerName)),
            ("Issued", When(notice.IssuedAt)),
            ("Code sent to", CardText.Escape(notice.RecipientName) + ", privately"),
            ("Valid", $"{When(notice.StartsAt)} to {When(notice.ExpiresAt)}"),
        ]),
        Text($"If you did not expect this, tell {CardText.Escape(notice.SecurityContact)} right away: someone could use it to sign in as you.", color: "Attention"),
    ],
    speak: "A Temporary Access Pass was issued for your account. If you did not expect this, report it right away.");
}
