namespace SutWeb.ScaleOut;

/// <summary>Whether this replica leads, and a way to wait until it does.</summary>
public interface ILeadership
{
    ReplicaRole Role { get; }

    /// <summary>
    /// Completes when this replica leads (at once for a single replica), after every
    /// <see cref="ILeadershipListener"/> has taken the lead; waiting again after the term ended waits for the next.
    /// </summary>
    ValueTask<LeadershipTerm> WaitToLeadAsync(CancellationToken cancellationToken);
}
