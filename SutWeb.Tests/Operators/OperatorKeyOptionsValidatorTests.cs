using SutWeb.Operators;

namespace SutWeb.Tests.Operators;

public sealed class OperatorKeyOptionsValidatorTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void Validate_PersonalKeys_Succeeds()
    {
        var result = Validate(("alice", Hash), ("ci.nightly", new string('B', 64)));

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("my-secret-key")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaz")]
    public void Validate_NotAHash_FailsNamingTheSetting(string sha256)
    {
        var result = Validate(("alice", sha256));

        Assert.Contains("Security:OperatorKeys:alice:Sha256 must be the SHA-256", result.FailureMessage);
        if (sha256.Length > 0)
        {
            Assert.DoesNotContain(sha256, result.FailureMessage);
        }
    }

    [Fact]
    public void Validate_OneKeySharedByTwoNames_Fails()
    {
        var result = Validate(("alice", Hash), ("team", Hash.ToUpperInvariant()));

        Assert.Contains("every operator needs a key of their own", result.FailureMessage);
    }

    [Fact]
    public void Validate_NameWithSpaces_Fails()
    {
        var result = Validate(("alice smith", Hash));

        Assert.Contains("Security:OperatorKeys:alice smith", result.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params (string Name, string Sha256)[] keys)
    {
        var options = new OperatorKeyOptions();
        foreach (var (name, sha256) in keys)
        {
            options.OperatorKeys[name] = new OperatorKeySetting { Sha256 = sha256 };
        }
        return new OperatorKeyOptionsValidator().Validate(null, options);
    }
}
