using System.Collections.Concurrent;
using SutWeb.Monitoring;
using SutWeb.ScaleOut;

namespace SutWeb.Tests.ScaleOut;

/// <summary>Notes when it is told a term starts and ends, with the polls completed and whether the term's services still ran.</summary>
internal sealed class RecordingListener(PollerStatus poller) : ILeadershipListener
{
    public ConcurrentQueue<string> Heard { get; } = new();

    public Task TakingLeadAsync(LeadershipTerm term, CancellationToken cancellationToken)
    {
        Heard.Enqueue($"taking {term.Epoch} after {poller.CompletedPolls} polls");
        return Task.CompletedTask;
    }

    public Task LeadEndedAsync(LeadershipTerm term, CancellationToken cancellationToken)
    {
        Heard.Enqueue($"ended {term.Epoch}, services stopped: {term.AllStoppedAsync().IsCompleted}");
        return Task.CompletedTask;
    }
}
