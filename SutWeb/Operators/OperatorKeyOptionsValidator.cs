using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SutWeb.Operators;

/// <summary>Rejects an operator key whose hash cannot be one, a name the audit trail could not show plainly, and keys shared by two names.</summary>
public sealed partial class OperatorKeyOptionsValidator : IValidateOptions<OperatorKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorKeyOptions options)
    {
        var errors = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyName, key) in options.OperatorKeys)
        {
            var setting = $"Security:OperatorKeys:{keyName}:Sha256";
            if (!NamePattern().IsMatch(keyName))
            {
                errors.Add($"Security:OperatorKeys:{keyName}: a key's name is 1 to 64 letters, digits, '.', '_', '-' or '@' (it names the operator in the audit trail).");
            }
            if (key.Sha256 is not { } hash || !HashPattern().IsMatch(hash))
            {
                errors.Add($"{setting} must be the SHA-256 of the key as 64 hexadecimal characters (e.g. printf %s \"$KEY\" | sha256sum), never the key itself.");
            }
            else if (owners.TryGetValue(hash, out var other))
            {
                errors.Add($"{setting} is the same key as Security:OperatorKeys:{other}: every operator needs a key of their own.");
            }
            else
            {
                owners[hash] = keyName;
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex HashPattern();
}
