using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Shared.Mapping;

/// <summary>Turns the wire status array into the board's views: keys, derived state, capped text, ordinal key order.</summary>
public static class AgentViewMapper
{
    private static readonly Comparison<AgentView> ByKeyThenProcessId =
        static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : a.ProcessId.CompareTo(b.ProcessId);

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
    /// they keep their numbers whatever order the server lists them in. Linear after the sort: each run of equal keys
    /// is numbered by one counter, and a number is skipped only when some other agent already has that key.
    /// </summary>
    public static IReadOnlyList<AgentView> NumberAndSort(List<AgentView> views)
    {
        views.Sort(ByKeyThenProcessId);
        HashSet<string>? taken = null;
        var start = 0;
        while (start < views.Count)
        {
            var key = views[start].Key;
            var end = start + 1;
            while (end < views.Count && string.Equals(views[end].Key, key, StringComparison.Ordinal))
            {
                end++;
            }
            if (end - start > 1)
            {
                // Two connections reporting the same name and port must stay two rows: number the later ones,
                // past any key an agent already has (an agent may be literally named "a:1#2").
                taken ??= new HashSet<string>(views.Select(static v => v.Key), StringComparer.Ordinal);
                var number = 2;
                for (var i = start + 1; i < end; i++)
                {
                    string numbered;
                    do
                    {
                        numbered = $"{key}#{number++}";
                    }
                    while (!taken.Add(numbered));
                    views[i] = views[i] with { Key = numbered };
                }
            }
            start = end;
        }
        if (taken is not null)
        {
            views.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        return views;
    }

    public static AgentView ToView(AgentConnection connection, AgentViewLimits limits)
    {
        var max = limits.MaxFieldChars;
        var name = TextLimits.KeepStart(connection.AgentName ?? "", max)!;
        var (log, truncated) = TextLimits.KeepEnd(connection.LastLog, limits.MaxLogChars);
        var execution = connection.ExecutionStatus;
        return new AgentView
        {
            Key = AgentKeys.For(name, connection.Port),
            AgentName = name,
            Port = connection.Port,
            ProcessId = connection.ProcessId ?? 0,
            State = AgentStates.From(execution?.Status, execution is not null),
            ProcessStatus = TextLimits.KeepStart(connection.ProcessStatus, max),
            LastLog = log,
            LastLogTruncated = truncated,
            Execution = execution is null ? null : new ExecutionView
            {
                Id = TextLimits.KeepStart(execution.Id, max),
                ModelName = TextLimits.KeepStart(execution.ModelName, max),
                UserName = TextLimits.KeepStart(execution.UserName, max),
                StartTime = execution.StartTime,
                EndTime = execution.EndTime,
                Type = TextLimits.KeepStart(execution.Type, max),
                AgentName = TextLimits.KeepStart(execution.AgentName, max),
                Initiator = TextLimits.KeepStart(execution.Initiator, max),
                RunId = TextLimits.KeepStart(execution.RunId, max),
                Status = TextLimits.KeepStart(execution.Status, max),
                ProcessId = execution.ProcessId,
            },
        };
    }
}
