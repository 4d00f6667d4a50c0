namespace SutWeb.Hubs;

/// <summary>Bounds on what one slow hub client may cost (configuration section "Hub").</summary>
public sealed class HubFanoutOptions
{
    public const string Section = "Hub";

    /// <summary>Messages queued per client; when full, the oldest is dropped and the client resynchronises by version.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>A client that has not taken one message for this long is disconnected (it reconnects and resynchronises).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
