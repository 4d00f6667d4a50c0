namespace SutWeb.Components.History;

/// <summary>How long an agent was connected on one day (in the viewer's time zone).</summary>
public sealed record ConnectedDay(DateOnly Day, TimeSpan Connected);
