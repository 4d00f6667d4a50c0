using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Shared.Mapping;

/// <summary>Turns the wire status array into the board's views: keys, derived state, capped logs, ordinal key order.</summary>
public static class AgentViewMapper
{
    public static IReadOnlyList<AgentView> ToViews(IReadOnlyList<AgentConnection> connections, AgentViewLimits limits)
    {
        CheckCeiling(connections.Count, limits);
        var views = new List<AgentView>(connections.Count);
        foreach (var connection in connections)
        {
            views.Add(ToView(connection, limits));
        }
        return NumberAndSort(views);
    }

    /// <summary>More agent connections than the ceiling is an upstream error, not unbounded growth.</summary>
    public static void CheckCeiling(int count, AgentViewLimits limits)
    {
        if (count > limits.MaxAgents)
        {
            throw new StatusPayloadException(
                $"The server reported {count} agent connections, more than the configured ceiling of {limits.MaxAgents}.");
        }
    }

    /// <summary>
    /// Makes keys unique and puts the views in ordinal key order. Duplicates are ordered by process id first, so that
    /// they keep their numbers whatever order the server lists them in.
    /// </summary>
    public static IReadOnlyList<AgentView> NumberAndSort(List<AgentView> views)
    {
        views.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : a.ProcessId.CompareTo(b.ProcessId));
        var seen = new HashSet<string>(views.Count, StringComparer.Ordinal);
        var renamed = false;
        for (var i = 0; i < views.Count; i++)
        {
            // Two connections reporting the same name and port must stay two rows: number the later ones.
            var key = views[i].Key;
            for (var n = 2; !seen.Add(key); n++)
            {
                key = $"{views[i].Key}#{n}";
            }
            if (key != views[i].Key)
            {
                views[i] = views[i] with { Key = key };
                renamed = true;
            }
        }
        if (renamed)
        {
            views.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        return views;
    }

    public static AgentView ToView(AgentConnection connection, AgentViewLimits limits)
    {
        var name = connection.AgentName ?? "";
        var (log, truncated) = Cap(connection.LastLog, limits.MaxLogChars);
        var execution = connection.ExecutionStatus;
        return new AgentView
        {
            Key = AgentKeys.For(name, connection.Port),
            AgentName = name,
            Port = connection.Port,
            ProcessId = connection.ProcessId ?? 0,
            State = AgentStates.From(execution?.Status, execution is not null),
            ProcessStatus = connection.ProcessStatus,
            LastLog = log,
            LastLogTruncated = truncated,
            Execution = execution is null ? null : new ExecutionView
            {
                Id = execution.Id,
                ModelName = execution.ModelName,
                UserName = execution.UserName,
                StartTime = execution.StartTime,
                EndTime = execution.EndTime,
                Type = execution.Type,
                AgentName = execution.AgentName,
                Initiator = execution.Initiator,
                RunId = execution.RunId,
                Status = execution.Status,
                ProcessId = execution.ProcessId,
            },
        };
    }

    private static (string? Log, bool Truncated) Cap(string? log, int maxChars)
    {
        if (log is null || log.Length <= maxChars)
        {
            return (log, false);
        }
        // Keep the end: the last lines of a log are the ones that say what happened.
        var start = log.Length - Math.Max(maxChars, 0);
        if (start < log.Length && char.IsLowSurrogate(log[start]))
        {
            start++;
        }
        return (log[start..], true);
    }
}
