namespace SutWeb.Notifications.Channels;

/// <summary>
/// What a human reads about a notification, in plain text, the same on every channel (Slack, Teams and email only
/// lay it out and escape it differently): what happened and where, the details, the end of the last log, the link.
/// </summary>
/// <param name="Title">One line: "Run failed: lab-a:5201".</param>
/// <param name="Summary">A sentence or two saying what it means.</param>
/// <param name="LastLog">The end of the run's last log, a few lines; null when none.</param>
/// <param name="Link">The agent's page on the board; null without <c>Dashboard:PublicUrl</c>.</param>
public sealed record NotificationMessage(
    string Title,
    string Summary,
    IReadOnlyList<MessageFact> Facts,
    string? LastLog,
    string? Link,
    MessageTone Tone,
    string Footer);
