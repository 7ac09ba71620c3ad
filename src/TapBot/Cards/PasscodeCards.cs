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
    public static JsonObject Form(IssueForm form)
    {
        var t = form.Target;
        var body = new List<JsonNode?>
        {
            Heading($"Issue a Temporary Access Pass for {CardText.Escape(t.DisplayName)}"),
            Text(CardText.Escape(t.UserPrincipalName) + (t.JobTitle is { Length: > 0 } job ? " · " + CardText.Escape(job) : ""), subtle: true, spacing: "None"),
        };
        body.AddRange(form.Warnings.Select(w => (JsonNode?)Text(CardText.Escape(w), color: "Warning")));
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "lifetime", ["label"] = "Lifetime", ["style"] = "compact", ["isRequired"] = true,
            ["errorMessage"] = "Pick a lifetime.",
            ["value"] = form.DefaultLifetime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["choices"] = new JsonArray(form.Lifetimes.Select(m => (JsonNode)new JsonObject
            {
                ["title"] = StatusCards.Lifetime(m), ["value"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        });
        body.Add(form.OneTimeForced
            ? Text("One-time use: required by your organization's policy.", subtle: true)
            : new JsonObject { ["type"] = "Input.Toggle", ["id"] = "oneTime", ["title"] = "One-time use (recommended)", ["value"] = "true", ["valueOn"] = "true", ["valueOff"] = "false" });
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = "reason", ["label"] = "Reason or ticket number", ["isRequired"] = true,
            ["maxLength"] = IssuanceService.MaxReasonLength, ["errorMessage"] = "A reason is required.",
        });
        body.Add(Text($"The code will be sent privately to {CardText.Escape(t.DisplayName)} in their chat with TapBot. Nobody else sees it.", subtle: true, size: "Small"));
        return New(body, [Execute("Issue pass", CardVerbs.IssuePass, new JsonObject { ["personId"] = t.Id }, style: "positive")]);
    }

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
                ("Sent to", $"{CardText.Escape(issued.Target.DisplayName)}, privately"),
                ("Starts", When(r.Decision!.At)),
                ("Expires", r.PassExpiresAt is { } e ? When(e) : "unknown"),
                ("One-time use", r.IsUsableOnce ? "Yes" : "No"),
                ("Reason", CardText.Escape(r.Reason)),
            ]),
            Text("The code is not shown here: only the recipient sees it, in their own chat with TapBot.", subtle: true, size: "Small"),
        ],
        r.PassId is { } passId
            ? [Execute("Revoke pass", CardVerbs.RevokePass, new JsonObject { ["personId"] = issued.Target.Id, ["passId"] = passId }, style: "destructive")]
            : null);
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

    public static JsonObject Delivered(Person target, IssuedPass pass, Requester issuer) => New(
    [
        Heading("Your Temporary Access Pass"),
        Text($"{CardText.Escape(issuer.DisplayName)} issued it for your account ({CardText.Escape(target.UserPrincipalName)}). Use it to sign in once and set up a passkey or Microsoft Authenticator."),
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
        Text("Go to https://aka.ms/mysecurityinfo, sign in with your username and this pass, and add your new sign-in method. " +
             "Never share this code: nobody from IT will ask you for it.", size: "Small"),
    ]);
}
