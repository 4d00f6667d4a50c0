using SutWeb.History;

namespace SutWeb.Operators.Audit;

/// <summary>Where attempts are kept: the history database (<see cref="DatabaseAuditTrail"/>) or, without one, memory.</summary>
public interface IAuditTrail
{
    /// <summary>Whether entries outlive a restart.</summary>
    bool Durable { get; }

    Task AddAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first, <paramref name="limit"/> at most, after <paramref name="cursor"/> (a previous page's <c>Next</c>).</summary>
    Task<HistoryPage<AuditEntry>> ReadAsync(int limit, HistoryCursor? cursor, CancellationToken cancellationToken);
}
