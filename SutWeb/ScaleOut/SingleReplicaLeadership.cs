namespace SutWeb.ScaleOut;

/// <summary>Without scale-out this replica leads from start to stop, as before replicas existed.</summary>
public sealed class SingleReplicaLeadership : ILeadership
{
    private static readonly LeadershipTerm ForEver = new(0, CancellationToken.None);

    public ReplicaRole Role => ReplicaRole.Single;

    public ValueTask<LeadershipTerm> WaitToLeadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ForEver);
}
