using System.Text.Json;
using SutWeb.Shared.Wire;
using static SutWeb.Tests.Shared.WirePayloads;

namespace SutWeb.Tests.Shared;

public sealed class EggplantMessageTests
{
    [Fact]
    public void Deserialize_Auth401Fixture_ReadsMessageAndDescription()
    {
        var message = JsonSerializer.Deserialize(Fixture("auth-401.json"), EggplantJsonContext.Default.EggplantMessage);

        Assert.Equal("Not Authorized", message?.Message);
        Assert.Equal("The credentials you provided are not valid.", message?.Description);
    }

    [Fact]
    public void Deserialize_AbortOkFixture_ReadsMessageAndDescription()
    {
        var message = JsonSerializer.Deserialize(Fixture("abort-ok.json"), EggplantJsonContext.Default.EggplantMessage);

        Assert.Equal("OK", message?.Message);
        Assert.Equal("Execution abort triggered", message?.Description);
    }
}
