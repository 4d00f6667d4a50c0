namespace SutWeb.Simulator;

/// <summary>Body of <c>PUT /simulator/control/tokens</c>: <c>{"lifetimeSeconds": 5}</c>.</summary>
internal sealed record SimulatorTokenSetting(int? LifetimeSeconds);
