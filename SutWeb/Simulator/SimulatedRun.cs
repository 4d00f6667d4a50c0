namespace SutWeb.Simulator;

/// <summary>A made-up run about to start on an agent.</summary>
internal sealed record SimulatedRun(string Id, string ModelName, string UserName, string Initiator, string StartTime, int ProcessId);
