namespace SutWeb.Bench.Clients;

/// <summary>The part of a <c>Diff</c> a fan-out client needs: its versions and poll time (the agents are skipped unread).</summary>
public sealed class DiffHeader
{
    public long FromVersion { get; set; }
    public long ToVersion { get; set; }
    public DateTimeOffset ObservedAt { get; set; }
}
