using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// One change on the board: a diff of the agents, or new upstream health. A diff comes with the board's agents after
/// it (<paramref name="Agents"/>), so that a subscriber that is up to date takes the board's list instead of building
/// the same one again from the diff.
/// </summary>
public sealed record BoardUpdate(StatusDiff? Diff, UpstreamHealth? Health, IReadOnlyList<AgentView>? Agents = null);
