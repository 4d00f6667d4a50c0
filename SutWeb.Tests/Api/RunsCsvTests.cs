using System.Text.Json;
using SutWeb.Api;

namespace SutWeb.Tests.Api;

public sealed class RunsCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Checkout", "Checkout")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line 1\nline 2", "\"line 1\nline 2\"")]
    [InlineData("line 1\r\nline 2", "\"line 1\r\nline 2\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 30", "'+49 30")]
    [InlineData("-smoke", "'-smoke")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Cell_Text_EscapedAndGuardedAgainstFormulas(string? text, string expected) =>
        Assert.Equal(expected, RunsCsv.Cell(text));

    [Theory]
    [InlineData("2026-12-05T20:00:00+00:00")]
    [InlineData("2026-12-05T20:00:00.5+00:00")]
    [InlineData("2026-12-05T20:00:00.1234567+00:00")]
    [InlineData("2026-12-05T21:30:00+01:30")]
    public void Time_AnyInstant_WrittenAsTheJsonWritesItInUtc(string text)
    {
        var time = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

        Assert.Equal(JsonSerializer.Serialize(time).Trim('"'), RunsCsv.Time(time));
    }
}
