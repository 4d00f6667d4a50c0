namespace SutWeb.Simulator;

/// <summary>How the Eggplant endpoints misbehave; the lower-case name is the <c>kind</c> of <c>PUT /simulator/control/fault</c>.</summary>
internal enum SimulatorFaultKind
{
    None,
    Http500,
    Timeout,
    Malformed,
    Html,
    Unauthorized,
    Slow,
}
