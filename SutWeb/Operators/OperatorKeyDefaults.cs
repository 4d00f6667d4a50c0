namespace SutWeb.Operators;

/// <summary>Names of the operator key check.</summary>
public static class OperatorKeyDefaults
{
    /// <summary>The authentication scheme of <c>Authorization: Bearer &lt;operator key&gt;</c>.</summary>
    public const string Scheme = "SutWeb.OperatorKey";

    /// <summary>What the audit trail calls a key's holder: <c>key:{name}</c>.</summary>
    public static string WhoOf(string keyName) => $"key:{keyName}";
}
