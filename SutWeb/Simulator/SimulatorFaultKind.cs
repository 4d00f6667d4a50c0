namespace SutWeb.Simulator;

/// <summary>
/// How the Eggplant endpoints misbehave; the name in kebab case (<c>http500</c>, <c>stall-body</c>) is the <c>kind</c>
/// of <c>PUT /simulator/control/fault</c>.
/// </summary>
internal enum SimulatorFaultKind
{
    None,
    Http500,
    Timeout,
    Malformed,
    Html,
    Unauthorized,
    Slow,
    /// <summary>Status and headers, half the body, then silence with the connection held open.</summary>
    StallBody,
    /// <summary>The body one byte every <see cref="SimulatorFaultWriter.DripInterval"/>.</summary>
    Drip,
    /// <summary>Half the body, then the connection is closed.</summary>
    Reset,
}
