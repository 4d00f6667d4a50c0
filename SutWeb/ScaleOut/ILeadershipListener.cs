namespace SutWeb.ScaleOut;

/// <summary>
/// Told before a term's leader-only services start, and after they stopped: the board replicator brings this
/// replica's board up to date (and past the last leader's version) before its pollers publish to it.
/// </summary>
public interface ILeadershipListener
{
    Task TakingLeadAsync(LeadershipTerm term, CancellationToken cancellationToken);

    Task LeadEndedAsync(LeadershipTerm term, CancellationToken cancellationToken);
}
