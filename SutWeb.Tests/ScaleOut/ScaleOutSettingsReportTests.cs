using Microsoft.Extensions.Configuration;
using SutWeb.Configuration;

namespace SutWeb.Tests.ScaleOut;

/// <summary>A mistyped scale-out key would silently leave the replicas on Redis keys of the default prefix.</summary>
public sealed class ScaleOutSettingsReportTests
{
    [Fact]
    public void Find_MistypedScaleOutKey_NamesItAndTheKnownOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScaleOut:Redis"] = "127.0.0.1:6379",
            ["ScaleOut:KeyPrefx"] = "lab",
        }).Build();

        var unknown = Assert.Single(UnknownSettingsReport.Find(configuration));

        Assert.Equal("ScaleOut:KeyPrefx", unknown.Key);
        Assert.Equal("ScaleOut:KeyPrefix", unknown.Suggestion);
    }
}
