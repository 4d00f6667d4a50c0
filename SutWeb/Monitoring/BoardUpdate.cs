using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>One change on the board: a diff of the agents, or new upstream health.</summary>
public sealed record BoardUpdate(StatusDiff? Diff, UpstreamHealth? Health);
