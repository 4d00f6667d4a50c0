namespace SutWeb.Operators.Audit;

/// <summary>An outcome as a person reads it on the audit page.</summary>
public static class AuditWords
{
    public static string Result(string outcome) => outcome switch
    {
        nameof(AbortOutcome.AbortRequested) => "Abort requested",
        nameof(AbortOutcome.NoSuchAgent) => "No such agent",
        nameof(AbortOutcome.NotThatRun) => "Run had changed; nothing sent",
        nameof(AbortOutcome.RateLimited) => "Too many attempts",
        nameof(AbortOutcome.UpstreamFailed) => "Eggplant server failed",
        _ => outcome,
    };
}
