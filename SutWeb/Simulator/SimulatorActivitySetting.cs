namespace SutWeb.Simulator;

/// <summary>Body of <c>PUT /simulator/control/activity</c>: <c>{"running": false}</c>.</summary>
internal sealed record SimulatorActivitySetting(bool? Running);
