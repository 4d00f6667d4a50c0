namespace SutWeb.ScaleOut;

/// <summary>The <c>ScaleOut</c> section: several replicas behind a load balancer, sharing one Redis.</summary>
public sealed class ScaleOutOptions
{
    public const string Section = "ScaleOut";

    /// <summary>A StackExchange.Redis connection string; empty: one replica, no Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key and channel SutWeb uses, so that two deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "sutweb";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
