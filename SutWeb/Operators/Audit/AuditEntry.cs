namespace SutWeb.Operators.Audit;

/// <summary>
/// One attempt to act on an Eggplant server, allowed or refused, as the audit trail keeps it (table <c>AuditEntries</c>
/// of the history database, or memory with <c>History:Provider=None</c>). Written once, never changed.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The operator: the signed-in user's name, or <c>key:{name}</c> (<see cref="OperatorClaims.Who"/>).</summary>
    public required string Who { get; set; }

    /// <summary>The client's address (the proxy's forwarded one when trusted); null when unknown.</summary>
    public string? From { get; set; }

    /// <summary>Through what: <c>page</c> or <c>api</c> (<see cref="AuditVia"/>).</summary>
    public required string Via { get; set; }

    /// <summary>What was tried: <c>abort</c>.</summary>
    public required string Action { get; set; }

    public required string Source { get; set; }

    public required string AgentName { get; set; }

    public int? Port { get; set; }

    public required string ExecutionId { get; set; }

    /// <summary>The outcome (<see cref="AbortOutcome"/>'s name).</summary>
    public required string Result { get; set; }

    /// <summary>Why it failed, without secrets; null when it did not.</summary>
    public string? Error { get; set; }

    public AuditEntry Copy() => (AuditEntry)MemberwiseClone();
}
