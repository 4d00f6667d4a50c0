namespace SutWeb.Operators.Audit;

/// <summary><c>GET /api/audit</c>: <c>{ entries, next }</c>, newest first; <c>next</c> is the cursor of the following page.</summary>
public sealed record AuditRecordsPage(IReadOnlyList<AuditRecord> Entries, string? Next);
