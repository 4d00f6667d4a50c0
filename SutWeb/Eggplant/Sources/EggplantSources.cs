using System.Text.RegularExpressions;

namespace SutWeb.Eggplant.Sources;

/// <summary>
/// Turns the flat <c>Eggplant:*</c> settings and <c>Eggplant:Sources:{id}</c> into the list of sources: the flat
/// settings are the source <c>default</c> when they name a server or nothing else is configured (then it is the
/// embedded simulator); each configured source inherits the flat tuning settings it leaves unset, never another
/// server's URL, credentials or name.
/// </summary>
public static partial class EggplantSources
{
    /// <summary>The sources in configuration order, <c>default</c> first when present.</summary>
    public static IReadOnlyList<EggplantSource> Resolve(EggplantOptions flat)
    {
        var sources = new List<EggplantSource>();
        if (!flat.UsesSimulator || flat.Sources.Count == 0)
        {
            sources.Add(EggplantSource.Default(flat));
        }
        foreach (var (id, settings) in flat.Sources)
        {
            if (sources.Any(s => s.Id == id))
            {
                continue; // a duplicate of the flat default: the validator reports it
            }
            var options = Inherit(flat, id, settings);
            sources.Add(new EggplantSource(id, options.DisplayName!, $"{EggplantOptions.Section}:Sources:{id}:", options));
        }
        return sources;
    }

    /// <summary>
    /// A simulator instance this host serves at <paramref name="path"/> (see <see cref="EggplantSource.SimulatorPath"/>):
    /// polled through the host's own address like the default simulator, with the flat tuning settings and the
    /// simulator's sign-in; named by its id.
    /// </summary>
    public static EggplantSource SimulatorInstance(EggplantOptions flat, string id, string path, string username, string password) =>
        new(id, id, EggplantOptions.Section + ":", Inherit(flat, id, new EggplantSourceSettings { Username = username, Password = password }))
        {
            SimulatorPath = path,
        };

    /// <summary>Whether <paramref name="id"/> may name a source: lower-case letters, digits and dashes, 1 to 32.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>The flat source's name on screen: its own, else the server's host and port (never user info or query).</summary>
    public static string DisplayNameOf(EggplantOptions flat) =>
        !string.IsNullOrWhiteSpace(flat.DisplayName) ? flat.DisplayName
        : flat.UsesSimulator ? "Simulator"
        : Uri.TryCreate(flat.BaseUrl, UriKind.Absolute, out var uri) ? uri.Authority
        : EggplantSource.DefaultId;

    private static EggplantOptions Inherit(EggplantOptions flat, string id, EggplantSourceSettings own) => new()
    {
        BaseUrl = own.BaseUrl,
        Username = own.Username,
        Password = own.Password,
        TokenUrl = own.TokenUrl,
        ClientId = own.ClientId,
        ClientSecret = own.ClientSecret,
        DisplayName = string.IsNullOrWhiteSpace(own.DisplayName) ? id : own.DisplayName,
        PollInterval = own.PollInterval ?? flat.PollInterval,
        IdlePollInterval = own.IdlePollInterval ?? flat.IdlePollInterval,
        RequestTimeout = own.RequestTimeout ?? flat.RequestTimeout,
        RetryCount = own.RetryCount ?? flat.RetryCount,
        RetryBaseDelay = own.RetryBaseDelay ?? flat.RetryBaseDelay,
        CircuitBreakerFailures = own.CircuitBreakerFailures ?? flat.CircuitBreakerFailures,
        // Unset on both: each source's own poll interval, as for the flat settings.
        CircuitBreakDuration = own.CircuitBreakDuration ?? flat.CircuitBreakDuration,
        MaxResponseBytes = own.MaxResponseBytes ?? flat.MaxResponseBytes,
        MaxLogChars = own.MaxLogChars ?? flat.MaxLogChars,
        MaxFieldChars = own.MaxFieldChars ?? flat.MaxFieldChars,
        MaxAgents = own.MaxAgents ?? flat.MaxAgents,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();
}
