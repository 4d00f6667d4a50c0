using SutWeb.Components.Listing;

namespace SutWeb.Components.Agents;

/// <summary>The head of one source's section of the desk when it groups by source: the source and its rows' counts per state.</summary>
/// <param name="Source">The source's id.</param>
/// <param name="Name">What screens call it.</param>
/// <param name="Counts">The section's connected agents per state.</param>
public sealed record SourceGroup(string Source, string Name, StateCounts Counts);
