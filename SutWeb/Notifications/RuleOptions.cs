namespace SutWeb.Notifications;

/// <summary>One rule (<c>Notifications:Rules:{name}</c>): which events, where from, to which channels, how often.</summary>
public sealed class RuleOptions
{
    /// <summary>Names from <see cref="NotificationEvents"/>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Source ids; empty: every source.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Glob patterns on agent names; empty: every agent.</summary>
    public List<string> Agents { get; set; } = [];

    /// <summary>Glob patterns on model names; empty: every model.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>Channel names from <see cref="NotificationOptions.Channels"/>.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>How long a condition must hold before it fires (an agent back within it is not news).</summary>
    public TimeSpan For { get; set; } = TimeSpan.Zero;

    /// <summary>Send again this often while the condition holds; null: once.</summary>
    public TimeSpan? RepeatEvery { get; set; }

    /// <summary>Send a resolved message when the condition ends.</summary>
    public bool SendResolved { get; set; } = true;
}
