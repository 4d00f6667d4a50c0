using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SutWeb.Operators;

/// <summary>The configured operator keys' hashes, decoded once; finds a key's name in constant time per key.</summary>
public sealed class OperatorKeyring(IOptions<OperatorKeyOptions> options)
{
    private readonly (string Name, byte[] Hash)[] _keys =
        [.. options.Value.OperatorKeys.Select(k => (k.Key, Convert.FromHexString(k.Value.Sha256!)))];

    public bool Any => _keys.Length > 0;

    /// <summary>The name of the key <paramref name="candidate"/>, or null. Every hash is compared, so the time does not tell which one is close.</summary>
    public string? Find(string candidate)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
        string? found = null;
        foreach (var (name, stored) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, stored))
            {
                found = name;
            }
        }
        return found;
    }
}
