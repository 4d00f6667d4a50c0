namespace SutWeb.Notifications.Rules;

/// <summary>The numbers behind "no storms" (docs/API.md, notifications, folding).</summary>
public static class RuleLimits
{
    /// <summary>
    /// After a rule sends a message of one event, further ones within this window wait and go as one message with
    /// their count. 30 s: several poll intervals, so the wave of a nightly batch failing over a few polls is one
    /// message, yet short enough that the second message is not news from another age.
    /// </summary>
    public static readonly TimeSpan FoldWindow = TimeSpan.FromSeconds(30);

    /// <summary>Disconnects within <see cref="FlapWindow"/> that make an agent flapping.</summary>
    public const int FlapThreshold = 4;

    /// <summary>
    /// How far back disconnects are counted, and how long a flapping agent must stay without one to settle: ten
    /// minutes, long enough to span a few restarts of an unstable agent, short enough to hear of it the same hour.
    /// </summary>
    public static readonly TimeSpan FlapWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Departed agents remembered (to compare a return with, and to keep their disconnection): past it the oldest
    /// departure is forgotten, its disconnection dropped without a message. Agents come and go under new names (the
    /// simulator does it all day), and a board of 20,000 agents leaving at once must not be cut short.
    /// </summary>
    public const int MaxDepartedAgents = 20_000;
}
