namespace SutWeb.Eggplant.Sources;

/// <summary>
/// One Eggplant server SutWeb watches, with every setting resolved: <paramref name="Options"/> is what its own client,
/// token, policies and poller use. <paramref name="SettingPrefix"/> is where its settings live, for messages.
/// </summary>
public sealed record EggplantSource(string Id, string DisplayName, string SettingPrefix, EggplantOptions Options)
{
    /// <summary>The source the flat <c>Eggplant:*</c> settings describe, and the simulator when nothing is configured.</summary>
    public const string DefaultId = "default";

    public bool IsDefault => Id == DefaultId;

    /// <summary>
    /// For a simulator instance (<c>Simulator:Instances</c>), where this host serves it, relative to its own address
    /// (<c>simulator/lab-b/</c>); null for every other source.
    /// </summary>
    public string? SimulatorPath { get; init; }
}
