using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Components.Styling;

/// <summary>
/// What the board is fed from, in words ("the embedded simulator", "the Eggplant server at dai.example.com"), and where
/// its settings live (<see cref="SettingPrefix"/>: <c>Eggplant:</c>, or <c>Eggplant:Sources:lab-b:</c>), for advice.
/// </summary>
public sealed record UpstreamSource(string Name, bool IsSimulator, bool UsesClientCredentials, string SettingPrefix = "Eggplant:")
{
    public static UpstreamSource Unnamed { get; } = new("the Eggplant server", false, false);

    public static UpstreamSource Of(EggplantOptions options) =>
        new(options.UpstreamName, options.UsesSimulator, !options.UsesSimulator && options.UsesClientCredentials);

    /// <summary>One of several sources, with its own server and settings.</summary>
    public static UpstreamSource Of(EggplantSource source) => Of(source.Options) with { SettingPrefix = source.SettingPrefix };

    /// <summary>The name at the start of a sentence.</summary>
    public string Subject => char.ToUpperInvariant(Name[0]) + Name[1..];

    /// <summary>The full name of one of this source's settings, e.g. <c>Eggplant:Sources:lab-b:BaseUrl</c>.</summary>
    public string Setting(string name) => SettingPrefix + name;
}
