namespace SutWeb.Bench.Reporting;

/// <summary>One performance target of the measuring issue: what was wanted, what was measured, and whether it was met.</summary>
public sealed record TargetResult(string Target, string Goal, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "met",
        false => "missed",
        null => "not measured",
    };
}
