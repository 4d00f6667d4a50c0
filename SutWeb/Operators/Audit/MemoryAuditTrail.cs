using SutWeb.History;

namespace SutWeb.Operators.Audit;

/// <summary>The audit trail without a history database: the latest <see cref="Capacity"/> entries, lost on restart (the start says so).</summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<AuditEntry> _entries = new();
    private long _nextId;

    public bool Durable => false;

    public Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stored = entry.Copy();
            stored.Id = ++_nextId;
            _entries.AddFirst(stored);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }
        return Task.CompletedTask;
    }

    public Task<HistoryPage<AuditEntry>> ReadAsync(int limit, HistoryCursor? cursor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Ids grow with time here, so the id alone orders the list.
            var rows = _entries.Where(e => cursor is not { } c || e.Id < c.Id).Take(limit + 1).Select(e => e.Copy()).ToList();
            return Task.FromResult(AuditPages.Page(rows, limit));
        }
    }
}
