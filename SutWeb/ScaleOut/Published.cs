namespace SutWeb.ScaleOut;

/// <summary>What became of a burst the leader stored and published (<see cref="BoardReplicator"/>).</summary>
internal enum Published
{
    Done,

    /// <summary>Redis did not answer: the followers missed the burst and will be told to take the stored board.</summary>
    Failed,

    /// <summary>Redis holds a newer epoch's board: this replica is a deposed leader and publishes no more.</summary>
    Superseded,
}
