using System.Text.Json.Nodes;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// A Slack incoming-webhook message: <c>text</c> (what notifications and old clients show) and Block Kit
/// <c>blocks</c> in mrkdwn, with Slack's escaping of &amp;, &lt; and &gt; in everything that came from outside.
/// </summary>
public static class SlackMessage
{
    /// <summary>Slack refuses a section's text beyond 3,000 characters.</summary>
    private const int SectionChars = 3_000;

    public static JsonObject Build(NotificationMessage message)
    {
        var blocks = new JsonArray
        {
            Section($"{Icon(message.Tone)} *{Escape(message.Title)}*\n{Escape(message.Summary)}"),
        };
        // A section takes at most 10 fields.
        var fields = new JsonArray();
        foreach (var fact in message.Facts.Take(10))
        {
            fields.Add(Mrkdwn($"*{Escape(fact.Label)}*\n{Escape(fact.Value)}"));
        }
        blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        if (message.LastLog is { } log)
        {
            // Three backticks inside the log would end the code block early.
            var code = Escape(log).Replace("```", "'''", StringComparison.Ordinal);
            blocks.Add(Section(Fit($"*Last log*\n```{code}```")));
        }
        if (message.Link is { } link)
        {
            blocks.Add(Section($"<{EscapeUrl(link)}|Open in SutWeb>"));
        }
        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { Mrkdwn(Escape(message.Footer)) },
        });
        return new JsonObject
        {
            ["text"] = Escape(message.Title),
            ["blocks"] = blocks,
        };
    }

    /// <summary>Slack's escaping: only these three characters, and &amp; first.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A link's address: escaped, and without the <c>|</c> that would end it.</summary>
    private static string EscapeUrl(string url) => Escape(url).Replace("|", "%7C", StringComparison.Ordinal);

    private static string Icon(MessageTone tone) => tone switch
    {
        MessageTone.Problem => ":rotating_light:",
        MessageTone.Resolved => ":white_check_mark:",
        _ => ":information_source:",
    };

    private static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>Keeps the end (the newest log lines) when too long, still closing the code block.</summary>
    private static string Fit(string text) =>
        text.Length <= SectionChars ? text : "*Last log*\n```…" + text[^(SectionChars - 20)..];
}
