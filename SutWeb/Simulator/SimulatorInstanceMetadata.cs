namespace SutWeb.Simulator;

/// <summary>Marks the endpoints of a <c>Simulator:Instances</c> entry, so that they bind that instance's state.</summary>
internal sealed record SimulatorInstanceMetadata(string Id);
