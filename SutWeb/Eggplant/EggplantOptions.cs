using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Mapping;

namespace SutWeb.Eggplant;

/// <summary>Where the Eggplant server is, how to sign in, and how hard to try (configuration section "Eggplant").</summary>
public sealed class EggplantOptions
{
    public const string Section = "Eggplant";

    /// <summary>The server's base URL, e.g. <c>https://dai.example.com/</c>. Empty: use the embedded simulator.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sign-in with <c>POST {base}/auth</c>. In simulator mode this defaults to "sutweb".</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>OAuth 2.0 client-credentials token URL (DAI 6.2 and later); when set, used instead of username and password.</summary>
    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>How often the server is asked while an agent runs or the board changed in the last minute.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the server is asked otherwise: a quiet board needs no answer every 2 s (never less than <see cref="PollInterval"/>).</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest a poll's whole exchange may take: sign-in, retries, headers and every byte of the body. A poll past
    /// it is abandoned, not retried (the next poll asks again).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a transient failure (network error, 408, 5xx) within one poll.</summary>
    public int RetryCount { get; set; } = 2;

    /// <summary>First retry delay; it doubles with each retry and is jittered by up to half.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Consecutive failed tries after which the circuit opens and polls fail fast.</summary>
    public int CircuitBreakerFailures { get; set; } = 6;

    /// <summary>How long the circuit stays open before one trial request; defaults to the poll interval.</summary>
    public TimeSpan? CircuitBreakDuration { get; set; }

    /// <summary>Larger status answers are an upstream error rather than unbounded memory.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Characters of <c>last_log</c> kept per agent (the end of the log is kept).</summary>
    public int MaxLogChars { get; set; } = AgentViewLimits.Default.MaxLogChars;

    /// <summary>Characters kept of every other text field of an agent (name, model, user, status…); longer ones end in "…".</summary>
    public int MaxFieldChars { get; set; } = AgentViewLimits.Default.MaxFieldChars;

    /// <summary>More agent connections than this in one answer is an upstream error.</summary>
    public int MaxAgents { get; set; } = AgentViewLimits.Default.MaxAgents;

    /// <summary>What screens call this server; unset, the default source is named by <see cref="UpstreamName"/>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// Further servers, by id (<c>Eggplant:Sources:{id}</c>); see <see cref="EggplantSources"/>. Ordinal keys: an id
    /// differing only in case is malformed (ids are lower case), not merged.
    /// </summary>
    public Dictionary<string, EggplantSourceSettings> Sources { get; } = new(StringComparer.Ordinal);

    public bool UsesClientCredentials => !string.IsNullOrWhiteSpace(TokenUrl);

    public bool UsesSimulator => string.IsNullOrWhiteSpace(BaseUrl);

    public TimeSpan EffectiveCircuitBreakDuration => CircuitBreakDuration ?? PollInterval;

    /// <summary>
    /// What the log and the screens call the upstream, so that nobody takes the simulator's made-up data for a server's;
    /// host and port only, since user info or a query in the URL may carry something private.
    /// </summary>
    public string UpstreamName => UsesSimulator
        ? "the embedded simulator"
        : Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? $"the Eggplant server at {uri.Authority}" : "the Eggplant server";
}
