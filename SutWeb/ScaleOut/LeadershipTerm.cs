namespace SutWeb.ScaleOut;

/// <summary>
/// One spell of leading. <paramref name="Epoch"/> grows with every term across all replicas (0 for a single
/// replica), so followers can tell a new leader's updates from a deposed one's; <paramref name="Ended"/> is cancelled
/// the moment this replica may no longer be the leader (lock lost, Redis gone, shutting down).
/// </summary>
public sealed record LeadershipTerm(long Epoch, CancellationToken Ended)
{
    private readonly Lock _gate = new();
    private int _running;
    private TaskCompletionSource? _allStopped;

    /// <summary>A leader-only service runs in this term (<see cref="LeaderOnlyHostedService"/>).</summary>
    internal void ServiceStarted()
    {
        lock (_gate)
        {
            _running++;
        }
    }

    /// <summary>A leader-only service of this term has stopped.</summary>
    internal void ServiceStopped()
    {
        lock (_gate)
        {
            if (--_running == 0)
            {
                _allStopped?.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Completes once no leader-only service of this term runs any more, so that listeners hear the lead ended only
    /// after the pollers stopped publishing.
    /// </summary>
    internal Task AllStoppedAsync()
    {
        lock (_gate)
        {
            if (_running == 0)
            {
                return Task.CompletedTask;
            }
            _allStopped ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _allStopped.Task;
        }
    }
}
