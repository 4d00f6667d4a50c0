using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>A real server without its credentials stops the start with a message that says where they may have gone.</summary>
public sealed class MissingCredentialsTests
{
    [Fact]
    public async Task Start_BaseUrlWithoutPassword_NamesItAndWhereSecretsAreRead()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = "http://127.0.0.1:9/",
            ["Eggplant:Username"] = "me",
        }));

        Assert.Contains("missing: Eggplant:Password.", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets", error.Message, StringComparison.Ordinal);
        Assert.Contains("Eggplant__Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProductionWithoutCredentials_SaysUserSecretsAreNotReadThere()
    {
        var validator = new EggplantOptionsValidator(new FakeEnvironment("Production"));

        var result = validator.Validate(null, new EggplantOptions { BaseUrl = "https://dai.example.com/" });

        var message = Assert.Single(result.Failures!, f => f.Contains("Eggplant:Password", StringComparison.Ordinal));
        Assert.Contains("missing: Eggplant:Username, Eggplant:Password.", message, StringComparison.Ordinal);
        Assert.Contains("read only in the Development environment", message, StringComparison.Ordinal);
        Assert.Contains("this runs as Production", message, StringComparison.Ordinal);
        Assert.Contains("environment variables (Eggplant__Username, Eggplant__Password)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenUrlWithoutClientSecret_NamesTheMissingOne()
    {
        var validator = new EggplantOptionsValidator(new FakeEnvironment("Production"));

        var result = validator.Validate(null, new EggplantOptions
        {
            BaseUrl = "https://dai.example.com/",
            TokenUrl = "https://login.example.com/token",
            ClientId = "dashboard",
        });

        var message = Assert.Single(result.Failures!);
        Assert.Contains("missing: Eggplant:ClientSecret.", message, StringComparison.Ordinal);
        Assert.Contains("Eggplant__ClientSecret", message, StringComparison.Ordinal);
    }

    private sealed class FakeEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SutWeb";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
