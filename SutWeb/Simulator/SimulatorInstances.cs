using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Simulator;

/// <summary>
/// The further simulators of <c>Simulator:Instances</c>: each id is one more simulator in this process, with its own
/// agents (the same catalog, so the same names), tokens, fault and counters, served under <c>/simulator/{id}/</c> and
/// polled as the source <c>{id}</c> through the host's own address, as the default simulator is. Read from the raw
/// configuration, like <see cref="SimulatorActivation"/>: the ids decide which services and endpoints exist.
/// </summary>
public static class SimulatorInstances
{
    public const string Setting = $"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Instances)}";

    // The first segments of the default simulator's own paths: an instance named so would be confused with them.
    private static readonly string[] Reserved = ["api", "auth", "oauth", "control"];

    /// <summary>Where the instance is served, relative to the host's root: <c>simulator/lab-b/</c>.</summary>
    public static string PathOf(string id) => $"{SimulatorEndpointRouteBuilderExtensions.PathPrefix.TrimStart('/')}/{id}/";

    /// <summary>Whether any instance is configured, usable or not.</summary>
    public static bool AnyConfigured(IConfiguration configuration) => configuration.GetSection(Setting).GetChildren().Any();

    /// <summary>The ids to serve and poll, in configuration order: the well-formed ones, each once, not configured elsewhere.</summary>
    public static IReadOnlyList<string> Usable(IConfiguration configuration) =>
        Check(configuration).Where(c => c.Problem is null).Select(c => c.Id).ToList();

    /// <summary>What is wrong with the configured ids, each message naming its setting; empty when every one is usable.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration) =>
        Check(configuration).Select(c => c.Problem).OfType<string>().ToList();

    private static List<(string Id, string? Problem)> Check(IConfiguration configuration)
    {
        var checkedIds = new List<(string Id, string? Problem)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection(Setting).GetChildren())
        {
            var id = entry.Value ?? "";
            string? problem = null;
            if (!EggplantSources.IsValidId(id))
            {
                problem = $"{entry.Path} is '{Shown(id)}', which is not a valid source id: use 1 to 32 lower-case letters, digits "
                    + $"and dashes, starting with a letter or digit (e.g. {Setting}:0=lab-b).";
            }
            else if (id == EggplantSource.DefaultId)
            {
                problem = $"{entry.Path} is 'default', the id of the source the flat Eggplant settings (or the simulator under "
                    + "/simulator/) already are: give the instance another id.";
            }
            else if (Reserved.Contains(id))
            {
                problem = $"{entry.Path} is '{id}', a path of the simulator's own API (/simulator/{id}/): give the instance another id.";
            }
            else if (seen.TryGetValue(id, out var first))
            {
                problem = $"{entry.Path} repeats '{id}', which {first} already names: each instance needs its own id.";
            }
            else if (configuration.GetSection($"{EggplantOptions.Section}:Sources:{id}").Exists())
            {
                problem = $"{entry.Path} and {EggplantOptions.Section}:Sources:{id} both name the source '{id}': a source is either a "
                    + "simulator instance or a configured server, so rename or remove one of them.";
            }
            seen.TryAdd(id, entry.Path);
            checkedIds.Add((id, problem));
        }
        return checkedIds;
    }

    private static string Shown(string id) => id.Length > 40 ? id[..40] + "…" : id;
}
