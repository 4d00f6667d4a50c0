namespace SutWeb.ScaleOut;

/// <summary>What this replica does; <c>/readyz</c> names it in lower case (<c>"role"</c>).</summary>
public enum ReplicaRole
{
    /// <summary>No <c>ScaleOut:Redis</c>: the only replica, always polling.</summary>
    Single,

    /// <summary>Holds the Redis lock: polls every source, records history, sends notifications, publishes the board.</summary>
    Leader,

    /// <summary>Serves pages and the hub from the board the leader publishes.</summary>
    Follower,
}
