namespace SutWeb.Notifications.Rules;

/// <summary>One agent's recent disconnects, and whether they make it flapping.</summary>
public sealed class AgentFlaps
{
    public Queue<DateTimeOffset> Drops { get; } = new();

    public bool Flapping { get; set; }
}
