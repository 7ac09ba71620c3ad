using System.Text.Json.Nodes;
using static TapBot.Cards.AdaptiveCard;

namespace TapBot.Cards;

/// <summary>What TapBot can do, in the words people type (commands are English in every language: that is what the parser reads).</summary>
public static class HelpCard
{
    public static JsonObject Build(string? intro = null) => New(
    [
        Heading(Texts.Get("Help.Title")),
        intro is null ? null : Text(intro),
        Text(Texts.Get("Help.About"), subtle: true),
        Text(Texts.Get("Help.WhatYouCanType"), spacing: "Medium"),
        Texts.CurrentLanguage == "en" ? null : Text(Texts.Get("Help.CommandsInEnglish"), subtle: true, spacing: "None"),
        Facts(
        [
            ("I lost my phone / request TAP", Texts.Get("Help.Cmd.Request")),
            ("issue TAP for *person*", Texts.Get("Help.Cmd.Issue")),
            ("revoke TAP for *person*", Texts.Get("Help.Cmd.Revoke")),
            ("my TAP status", Texts.Get("Help.Cmd.MyStatus")),
            ("TAP status for *person*", Texts.Get("Help.Cmd.Status")),
            ("TAP policy", Texts.Get("Help.Cmd.Policy")),
            ("audit for *person*", Texts.Get("Help.Cmd.Audit")),
            ("use this channel for TAP approvals", Texts.Get("Help.Cmd.Channel")),
            ("use this channel for TAP security alerts", Texts.Get("Help.Cmd.SecurityChannel")),
            ("help", Texts.Get("Help.Cmd.Help")),
        ]),
        Text(Texts.Get("Help.Footer"), subtle: true, spacing: "Medium"),
    ],
    speak: Texts.Get("Help.Speak"));
}
