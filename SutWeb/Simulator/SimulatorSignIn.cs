namespace SutWeb.Simulator;

/// <summary>What became of a sign-in at the simulator.</summary>
internal enum SimulatorSignIn
{
    Issued,

    /// <summary>Wrong password or client secret: 401.</summary>
    Rejected,

    /// <summary>Every concurrent licence (<see cref="SimulatorOptions.MaxTokens"/>) is held by a live token: 403.</summary>
    NoLicenceFree,
}
