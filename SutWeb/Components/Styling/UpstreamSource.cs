using SutWeb.Eggplant;

namespace SutWeb.Components.Styling;

/// <summary>What the board is fed from, in words ("the embedded simulator", "the Eggplant server at dai.example.com").</summary>
public sealed record UpstreamSource(string Name, bool IsSimulator, bool UsesClientCredentials)
{
    public static UpstreamSource Unnamed { get; } = new("the Eggplant server", false, false);

    public static UpstreamSource Of(EggplantOptions options) =>
        new(options.UpstreamName, options.UsesSimulator, !options.UsesSimulator && options.UsesClientCredentials);

    /// <summary>The name at the start of a sentence.</summary>
    public string Subject => char.ToUpperInvariant(Name[0]) + Name[1..];
}
