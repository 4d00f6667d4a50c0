namespace SutWeb.Operators.Audit;

/// <summary>Through what an operator acted, as <see cref="AbortAttempt.Via"/> and the audit trail name it.</summary>
public static class AuditVia
{
    public const string Page = "page";

    public const string Api = "api";
}
