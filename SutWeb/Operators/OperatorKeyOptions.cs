namespace SutWeb.Operators;

/// <summary>
/// Personal operator keys (<c>Security:OperatorKeys:{name}:Sha256</c>): one per person or script, each by name, stored
/// only as the SHA-256 of the key, so configuration never holds a key itself. Never one shared key: the audit trail
/// names who acted by the key's name.
/// </summary>
public sealed class OperatorKeyOptions
{
    public const string Section = "Security";

    public Dictionary<string, OperatorKeySetting> OperatorKeys { get; set; } = new(StringComparer.Ordinal);
}
