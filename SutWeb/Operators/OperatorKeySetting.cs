namespace SutWeb.Operators;

/// <summary>One operator key: the SHA-256 of the key, 64 hexadecimal characters (<c>printf %s KEY | sha256sum</c>).</summary>
public sealed class OperatorKeySetting
{
    public string? Sha256 { get; set; }
}
