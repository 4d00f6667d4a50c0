using System.Text.RegularExpressions;
using CsCheck;
using SutWeb.Notifications.Rules;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>The rules' name patterns: * and ?, whole names, case ignored, and / no different from any letter.</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("lab-*", "lab-1", true)]
    [InlineData("lab-*", "LAB-12", true)]
    [InlineData("lab-*", "lab-", true)]
    [InlineData("lab-*", "xlab-1", false)]
    [InlineData("lab-?", "lab-12", false)]
    [InlineData("*nightly*", "eu/nightly/checkout", true)]
    [InlineData("Models/*", "Models/Login/Flow", true)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("Checkout", "checkout", true)]
    [InlineData("Checkout", "Checkout2", false)]
    public void IsMatch_Examples(string pattern, string name, bool matches) =>
        Assert.Equal(matches, Glob.Parse(pattern).IsMatch(name));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("lab-[12]")]
    [InlineData("{a,b}")]
    public void Problem_NotAPattern_SaysWhy(string pattern) =>
        Assert.NotNull(Glob.Problem(pattern));

    [Fact]
    public void IsMatch_AnyPatternAndName_AgreesWithTheEquivalentRegex()
    {
        var pattern = Gen.String[Gen.Char["ab*?/"], 1, 8];
        var name = Gen.String[Gen.Char["abAB/"], 0, 10];
        Gen.Select(pattern, name).Sample((p, n) =>
        {
            var regex = "^" + string.Concat(p.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "$";
            return Glob.Parse(p).IsMatch(n) == Regex.IsMatch(n, regex, RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        });
    }
}
