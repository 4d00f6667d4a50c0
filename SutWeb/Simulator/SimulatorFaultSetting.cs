namespace SutWeb.Simulator;

/// <summary>Body of <c>PUT /simulator/control/fault</c>: <c>{"kind": "slow", "delayMs": 500}</c>.</summary>
internal sealed record SimulatorFaultSetting(string? Kind, int? DelayMs);
