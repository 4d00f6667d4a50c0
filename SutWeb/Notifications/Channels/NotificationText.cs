using System.Globalization;
using SutWeb.Shared.History;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// Words for a notification: one place decides how each event, the resolved, flapping and folded (Count &gt; 1)
/// variants and the details read, so that every channel says the same thing.
/// </summary>
public static class NotificationText
{
    /// <summary>Of a run's last log, the end is kept: these many lines, at most <see cref="LastLogChars"/> characters.</summary>
    public const int LastLogLines = 15;

    public const int LastLogChars = 1_500;

    public static NotificationMessage Compose(Notification n)
    {
        var where = n.Agent is { } agent ? AgentLabel(agent) : n.SourceName;
        return new NotificationMessage(
            Title(n, where),
            Summary(n),
            Facts(n),
            LastLog(n.Run?.LastLog),
            n.DashboardUrl,
            n.Event == ChannelTest.Event ? MessageTone.Info : n.Resolved ? MessageTone.Resolved : MessageTone.Problem,
            n.Event == ChannelTest.Event
                ? $"SutWeb test · delivery {n.DeliveryId}"
                : $"SutWeb · rule {n.Rule} · delivery {n.DeliveryId}");
    }

    public static string AgentLabel(NotificationAgent agent) =>
        agent.Port is { } port ? $"{agent.AgentName}:{port.ToString(CultureInfo.InvariantCulture)}" : agent.AgentName;

    /// <summary>"Run failed: lab-a:5201", "Resolved: agent disconnected: lab-a:5201", "3 runs failed: Lab A".</summary>
    public static string Title(Notification n, string where)
    {
        if (n.Event == ChannelTest.Event)
        {
            return "Test message from SutWeb";
        }
        if (n.Flapping)
        {
            return $"Agent flapping: {where}";
        }
        var headline = Headline(n.Event, n.Count);
        return n.Resolved ? $"Resolved: {Lower(headline)}: {where}" : $"{headline}: {where}";
    }

    private static string Headline(string @event, int count)
    {
        var many = count > 1 ? count.ToString(CultureInfo.InvariantCulture) : null;
        return @event switch
        {
            NotificationEvents.RunFailed => many is null ? "Run failed" : $"{many} runs failed",
            NotificationEvents.RunIncomplete => many is null ? "Run incomplete" : $"{many} runs incomplete",
            NotificationEvents.RunLost => many is null ? "Run lost" : $"{many} runs lost",
            NotificationEvents.RunStuck => many is null ? "Run possibly stuck" : $"{many} runs possibly stuck",
            NotificationEvents.AgentDisconnected => many is null ? "Agent disconnected" : $"{many} agents disconnected",
            NotificationEvents.AgentReconnected => many is null ? "Agent reconnected" : $"{many} agents reconnected",
            NotificationEvents.SourceDown => "Source down",
            NotificationEvents.SourceRecovered => "Source recovered",
            _ => many is null ? @event : $"{@event} ×{many}",
        };
    }

    private static string Summary(Notification n)
    {
        if (n.Event == ChannelTest.Event)
        {
            return "A test message sent from SutWeb's notifications page. If you can read this, the channel works.";
        }
        if (n.Flapping)
        {
            return "The agent keeps connecting and dropping. SutWeb sends nothing more about it until it settles.";
        }
        var text = n.Resolved ? ResolvedSentence(n) : Sentence(n.Event, n.Count);
        if (n.Count > 1 && n.Event == NotificationEvents.SourceDown)
        {
            text += $" Its agents' disconnections are folded into this one message ({n.Count} events).";
        }
        else if (n.Count > 1)
        {
            text += $" This one message stands for {n.Count} such events.";
        }
        return text;
    }

    private static string Sentence(string @event, int count) => @event switch
    {
        NotificationEvents.RunFailed => count > 1 ? "Runs failed." : "A run failed.",
        NotificationEvents.RunIncomplete => count > 1 ? "Runs ended incomplete." : "A run ended incomplete.",
        NotificationEvents.RunLost => "A run was lost: its agent disconnected, or SutWeb stopped, before it ended.",
        NotificationEvents.RunStuck => "A run has gone on for longer than expected: it may be stuck.",
        NotificationEvents.AgentDisconnected => "The agent is no longer connected to the Eggplant server.",
        NotificationEvents.AgentReconnected => "The agent is connected to the Eggplant server again.",
        NotificationEvents.SourceDown => "SutWeb cannot get the agents' status from this Eggplant server.",
        NotificationEvents.SourceRecovered => "This Eggplant server answers SutWeb again.",
        _ => $"{@event}.",
    };

    private static string ResolvedSentence(Notification n)
    {
        var ended = n.Event switch
        {
            NotificationEvents.AgentDisconnected => "The agent is connected again.",
            NotificationEvents.SourceDown => "The Eggplant server answers again.",
            NotificationEvents.RunStuck => "The run is no longer stuck.",
            _ => "The condition has ended.",
        };
        return n.Since is { } since
            ? $"{ended} It held from {Time(since)} to {Time(n.At)} ({Duration(n.At - since)})."
            : ended;
    }

    private static List<MessageFact> Facts(Notification n)
    {
        var facts = new List<MessageFact>();
        if (n.Event != ChannelTest.Event)
        {
            facts.Add(new("Event", n.Resolved ? $"{n.Event} (resolved)" : n.Flapping ? $"{n.Event} (flapping)" : n.Event));
        }
        facts.Add(new("Source", n.SourceName == n.Source ? n.Source : $"{n.SourceName} ({n.Source})"));
        if (n.Agent is { } agent)
        {
            facts.Add(new("Agent", AgentLabel(agent)));
        }
        if (n.Run is { } run)
        {
            AddRun(facts, run);
        }
        if (n.Since is { } since && !n.Resolved)
        {
            facts.Add(new("Since", $"{Time(since)} ({Duration(n.At - since)} before this message)"));
        }
        facts.Add(new("At", Time(n.At)));
        if (n.Count > 1)
        {
            facts.Add(new("Count", n.Count.ToString(CultureInfo.InvariantCulture)));
        }
        return facts;
    }

    private static void AddRun(List<MessageFact> facts, RunRecord run)
    {
        if (!string.IsNullOrEmpty(run.ModelName))
        {
            facts.Add(new("Model", run.ModelName));
        }
        var by = string.Join(", ", new[] { run.UserName, run.Initiator ?? run.Type }.Where(s => !string.IsNullOrEmpty(s)));
        if (by.Length > 0)
        {
            facts.Add(new("Started by", by));
        }
        facts.Add(new("Run", $"{run.ExecutionId}, {run.Outcome}, started {Time(run.StartTime)}"));
    }

    /// <summary>The end of the log: its last <see cref="LastLogLines"/> lines, at most <see cref="LastLogChars"/> characters.</summary>
    public static string? LastLog(string? log)
    {
        if (string.IsNullOrWhiteSpace(log))
        {
            return null;
        }
        var lines = log.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var end = string.Join('\n', lines.TakeLast(LastLogLines));
        return end.Length > LastLogChars ? "…" + end[^LastLogChars..] : end;
    }

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    private static string Lower(string text) => text.Length > 0 && char.IsUpper(text[0]) && !char.IsDigit(text[0])
        ? char.ToLowerInvariant(text[0]) + text[1..]
        : text;
}
