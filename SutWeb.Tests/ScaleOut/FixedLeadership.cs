using Microsoft.Extensions.DependencyInjection;
using SutWeb.ScaleOut;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// A leadership the test decides, in place of the Redis election: a follower until <see cref="LeadAsync"/>, a leader
/// until <see cref="EndAsync"/>. It tells the host's <see cref="ILeadershipListener"/>s as the election does: before
/// the term's leader-only services start, and once the term has ended.
/// </summary>
public sealed class FixedLeadership : ILeadership
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<LeadershipTerm> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _ended;
    private LeadershipTerm? _term;
    private readonly bool _single;

    public FixedLeadership()
    {
    }

    /// <summary>A replica that leads (in epoch 1, for ever; also as a single replica) or follows from the start, with no listener to tell.</summary>
    public FixedLeadership(ReplicaRole role)
    {
        _single = role == ReplicaRole.Single;
        if (role != ReplicaRole.Follower)
        {
            _term = new LeadershipTerm(1, CancellationToken.None);
            _next.TrySetResult(_term);
        }
    }

    public ReplicaRole Role => _single ? ReplicaRole.Single : Volatile.Read(ref _term) is null ? ReplicaRole.Follower : ReplicaRole.Leader;

    public async ValueTask<LeadershipTerm> WaitToLeadAsync(CancellationToken cancellationToken)
    {
        Task<LeadershipTerm> next;
        lock (_gate)
        {
            next = _next.Task;
        }
        return await next.WaitAsync(cancellationToken);
    }

    /// <summary>Makes the replica of <paramref name="services"/> lead in <paramref name="epoch"/>.</summary>
    public async Task LeadAsync(long epoch, IServiceProvider services)
    {
        _ended = new CancellationTokenSource();
        var term = new LeadershipTerm(epoch, _ended.Token);
        foreach (var listener in services.GetServices<ILeadershipListener>())
        {
            await listener.TakingLeadAsync(term, CancellationToken.None);
        }
        Volatile.Write(ref _term, term);
        lock (_gate)
        {
            _next.TrySetResult(term);
        }
    }

    /// <summary>Ends the term (as a lost lock would), then tells the listeners.</summary>
    public async Task EndAsync(IServiceProvider services)
    {
        var term = Volatile.Read(ref _term) ?? throw new InvalidOperationException("The replica does not lead.");
        lock (_gate)
        {
            _next = new TaskCompletionSource<LeadershipTerm>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Volatile.Write(ref _term, null);
        await _ended!.CancelAsync();
        foreach (var listener in services.GetServices<ILeadershipListener>())
        {
            await listener.LeadEndedAsync(term, CancellationToken.None);
        }
    }
}
