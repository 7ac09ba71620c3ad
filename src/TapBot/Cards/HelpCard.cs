using System.Text.Json.Nodes;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>What TapBot can do, in the words people type.</summary>
public static class HelpCard
{
    public static JsonObject Build(string? intro = null) => New(
    [
        Heading("TapBot — Temporary Access Passes"),
        intro is null ? null : Text(intro),
        Text("A Temporary Access Pass (TAP) is a time-limited passcode that lets someone sign in and set up " +
             "passwordless sign-in (a passkey or Microsoft Authenticator) when they have no other way in.", subtle: true),
        Text("**What you can type**", spacing: "Medium"),
        Facts(
        [
            ("I lost my phone / request TAP", "Ask for a pass for your own account; your manager or an approver decides"),
            ("issue TAP for *person*", "Approvers: issue a pass; the code goes privately to the person (or their manager). Helpdesk: ask approvers for one"),
            ("revoke TAP for *person*", "Approvers: delete a person's pass (after a confirmation)"),
            ("my TAP status", "Whether you hold a pass, when it starts and expires"),
            ("TAP status for *person*", "The same for someone else (helpdesk, approvers, auditors); *person* is a UPN, mail address or name"),
            ("TAP policy", "Your organization's TAP rules: who may get one, how long it lasts"),
            ("audit for *person*", "Approvers and auditors: recent events about a person"),
            ("use this channel for TAP approvals", "Approvers, in a channel: approval cards go there"),
            ("help", "This list"),
        ]),
        Text("A status never shows a passcode: a code is shown once, privately, to the person it was issued for.", subtle: true, spacing: "Medium"),
    ],
    speak: "TapBot help: what you can type.");
}
