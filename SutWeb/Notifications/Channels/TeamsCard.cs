using System.Text.Json.Nodes;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// A Teams Workflows webhook message ("Post to a channel when a webhook request is received"): a <c>message</c> with
/// one Adaptive Card 1.4 attachment (the old Office 365 connector cards are retired). Card text is plain text: Teams
/// renders it, it runs nothing.
/// </summary>
public static class TeamsCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string Version = "1.4";

    public static JsonObject Build(NotificationMessage message)
    {
        var facts = new JsonArray();
        foreach (var fact in message.Facts)
        {
            facts.Add(new JsonObject { ["title"] = fact.Label, ["value"] = fact.Value });
        }
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = message.Title,
                ["size"] = "Large",
                ["weight"] = "Bolder",
                ["color"] = message.Tone switch { MessageTone.Problem => "Attention", MessageTone.Resolved => "Good", _ => "Default" },
                ["wrap"] = true,
            },
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Summary, ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (message.LastLog is { } log)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Last log", ["weight"] = "Bolder", ["wrap"] = true });
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = log, ["fontType"] = "Monospace", ["wrap"] = true });
        }
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = message.Footer, ["size"] = "Small", ["isSubtle"] = true, ["wrap"] = true });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
        if (message.Link is { } link)
        {
            card["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in SutWeb", ["url"] = link },
            };
        }
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card },
            },
        };
    }
}
