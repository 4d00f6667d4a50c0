using SutWeb.ScaleOut;

namespace SutWeb.Tests.ScaleOut;

/// <summary>A replica whose role a test sets.</summary>
internal sealed class FixedLeadership(ReplicaRole role) : ILeadership
{
    public ReplicaRole Role { get; set; } = role;

    public ValueTask<LeadershipTerm> WaitToLeadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new LeadershipTerm(1, CancellationToken.None));
}
