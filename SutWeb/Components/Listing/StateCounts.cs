using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Listing;

/// <summary>
/// How many agents are in each state, counted in one place for the header's counts, the desk's state chips and the
/// wall's header. Two counts are equal when every number is, so a component re-renders only when one moved.
/// </summary>
public sealed class StateCounts : IEquatable<StateCounts>
{
    private static readonly AgentState[] ByRank = [.. Enum.GetValues<AgentState>().OrderBy(AgentStateStyles.Rank)];

    // By state: AgentState's values run from 0 without gaps.
    private readonly int[] _counts = new int[ByRank.Length];

    public StateCounts(IEnumerable<AgentView> agents)
    {
        foreach (var agent in agents)
        {
            Total++;
            if ((uint)agent.State < (uint)_counts.Length)
            {
                _counts[(int)agent.State]++;
            }
        }
    }

    public static StateCounts None { get; } = new([]);

    /// <summary>Every agent, whatever its state.</summary>
    public int Total { get; }

    public int this[AgentState state] => (uint)state < (uint)_counts.Length ? _counts[(int)state] : 0;

    /// <summary>The states that have agents and how many, failures first (<see cref="AgentStateStyles.Rank"/>).</summary>
    public IReadOnlyList<(AgentState State, int Count)> Present => [.. ByRank.Where(s => this[s] > 0).Select(s => (s, this[s]))];

    /// <summary>The states that have agents and how many, for a lookup by state.</summary>
    public IReadOnlyDictionary<AgentState, int> ByState => Present.ToDictionary(c => c.State, c => c.Count);

    public bool Equals(StateCounts? other) => other is not null && Total == other.Total && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as StateCounts);

    public override int GetHashCode() => HashCode.Combine(Total, _counts[(int)AgentState.Failed], _counts[(int)AgentState.Running]);
}
