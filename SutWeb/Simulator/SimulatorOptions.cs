namespace SutWeb.Simulator;

/// <summary>Settings of the embedded Eggplant AI simulator (configuration section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Null lets the host decide: on when no Eggplant server is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many agents are connected at start, and the number the activity keeps near.</summary>
    public int AgentCount { get; set; } = 8;

    /// <summary>The most agents the simulator holds, however many the control API puts; one more is refused with 409.</summary>
    public int MaxAgents { get; set; } = 10_000;

    /// <summary>Seed of the random activity, so that a run can be repeated.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Accepted with any non-empty username (and as the OAuth client secret).</summary>
    public string Password { get; set; } = "simulator";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Live tokens at once, the simulator's "concurrent user licences": with this many live, sign-in answers 403 as
    /// Eggplant does when no licence is free, until one expires.
    /// </summary>
    public int MaxTokens { get; set; } = 1_000;

    /// <summary>
    /// Serve the simulator even though <c>Eggplant:BaseUrl</c> names a real server. Off by default: a simulator that
    /// anyone may sign in to, next to a real server, is more likely a mistake than a wish.
    /// </summary>
    public bool AllowBesideRealServer { get; set; }

    /// <summary>How often the activity loop ticks.</summary>
    public TimeSpan ActivityInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Ids of further, independent simulators, each served under <c>/simulator/{id}/</c> and polled as the source
    /// <c>{id}</c> (<see cref="SimulatorInstances"/>): several Eggplant servers with the same agent names, for a demo or a test.
    /// </summary>
    public List<string> Instances { get; } = [];
}
