namespace SutWeb.Simulator;

/// <summary>Where an agent is in its run cycle, as read from its wire object.</summary>
internal enum SimulatedPhase
{
    Idle,
    Running,
    Finished,
}
