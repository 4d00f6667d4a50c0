namespace SutWeb.Operators.Audit;

/// <summary>One entry of <c>GET /api/audit</c> (docs/API.md section 7).</summary>
public sealed record AuditRecord(
    DateTimeOffset At, string Who, string? From, string Via, string Action, string Source, string AgentName, int? Port, string ExecutionId,
    string Result, string? Error)
{
    public static AuditRecord Of(AuditEntry e) =>
        new(e.At, e.Who, e.From, e.Via, e.Action, e.Source, e.AgentName, e.Port, e.ExecutionId, e.Result, e.Error);
}
