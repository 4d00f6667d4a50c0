namespace SutWeb.Simulator;

/// <summary>Settings of the embedded Eggplant AI simulator (configuration section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Null lets the host decide: on when no Eggplant server is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many agents are connected at start, and the number the activity keeps near.</summary>
    public int AgentCount { get; set; } = 8;

    /// <summary>Seed of the random activity, so that a run can be repeated.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Accepted with any non-empty username (and as the OAuth client secret).</summary>
    public string Password { get; set; } = "simulator";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the activity loop ticks.</summary>
    public TimeSpan ActivityInterval { get; set; } = TimeSpan.FromSeconds(1);
}
