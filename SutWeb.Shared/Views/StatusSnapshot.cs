namespace SutWeb.Shared.Views;

/// <summary>The whole board at one version; agents in ordinal order of their keys.</summary>
public sealed record StatusSnapshot
{
    public long Version { get; init; }
    public DateTimeOffset ObservedAt { get; init; }
    public required UpstreamHealth Health { get; init; }
    public required IReadOnlyList<AgentView> Agents { get; init; }

    /// <summary>The agent with <paramref name="key"/>, found by binary search (the agents are in ordinal key order).</summary>
    public AgentView? FindAgent(string key)
    {
        int low = 0, high = Agents.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(Agents[middle].Key, key);
            if (order == 0)
            {
                return Agents[middle];
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }
}
