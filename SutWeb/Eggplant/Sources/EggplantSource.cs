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
    /// What the log calls the server: <see cref="EggplantOptions.UpstreamName"/>, and the source's id after it unless it
    /// is <c>default</c> (whose lines read as before sources existed).
    /// </summary>
    public string UpstreamName => IsDefault ? Options.UpstreamName : $"{Options.UpstreamName} (source {Id})";

    /// <summary>The source <c>default</c> of the flat settings.</summary>
    public static EggplantSource Default(EggplantOptions flat) =>
        new(DefaultId, EggplantSources.DisplayNameOf(flat), EggplantOptions.Section + ":", flat);

    /// <summary>Where the setting <paramref name="name"/> of this source lives, e.g. <c>Eggplant:Sources:lab-a:RequestTimeout</c>.</summary>
    public string Setting(string name) => SettingPrefix + name;

    /// <summary>
    /// <paramref name="what"/> ("The Eggplant server") as messages of this source say it: unchanged for <c>default</c>,
    /// "… of {DisplayName}" for any other, so that an error on a board of several servers says whose it is.
    /// </summary>
    public string Name(string what) => IsDefault ? what : $"{what} of {DisplayName}";

    /// <summary>
    /// For a simulator instance (<c>Simulator:Instances</c>), where this host serves it, relative to its own address
    /// (<c>simulator/lab-b/</c>); null for every other source.
    /// </summary>
    public string? SimulatorPath { get; init; }
}
