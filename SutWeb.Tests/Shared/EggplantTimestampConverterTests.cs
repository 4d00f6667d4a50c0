using System.Text.Json;
using SutWeb.Shared.Wire;
using static SutWeb.Tests.Shared.WirePayloads;

namespace SutWeb.Tests.Shared;

/// <summary>Start and end times as the status answer carries them, read through the parser.</summary>
public sealed class EggplantTimestampConverterTests
{
    private static DateTimeOffset? StartTimeOf(string starttime) =>
        ParseExecution($$"""  "starttime": {{JsonSerializer.Serialize(starttime)}}, "status": "Running"  """).StartTime;

    [Fact]
    public void StartTime_PostgresSixDigitFraction_ReadsInstantAndOffset()
    {
        var time = StartTimeOf("2018-06-01 10:06:45.545359+01");

        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(time));
        Assert.Equal(new DateTimeOffset(2018, 6, 1, 9, 6, 45, TimeSpan.Zero).AddTicks(5_453_590), time);
    }

    [Fact]
    public void StartTime_PostgresThreeDigitFraction_ReadsMilliseconds()
    {
        Assert.Equal("2018-06-01T10:06:45.5450000+01:00", Shown(StartTimeOf("2018-06-01 10:06:45.545+01")));
    }

    [Fact]
    public void StartTime_PostgresOneDigitFraction_ReadsTenths()
    {
        Assert.Equal("2018-06-01T10:06:45.5000000+01:00", Shown(StartTimeOf("2018-06-01 10:06:45.5+01")));
    }

    [Fact]
    public void StartTime_PostgresNoFraction_ReadsWholeSeconds()
    {
        Assert.Equal("2018-06-01T10:06:45.0000000+01:00", Shown(StartTimeOf("2018-06-01 10:06:45+01")));
    }

    [Fact]
    public void StartTime_FractionOfSevenDigits_ReadsEveryTick()
    {
        Assert.Equal("2018-06-01T10:06:45.1234567+01:00", Shown(StartTimeOf("2018-06-01 10:06:45.1234567+01")));
    }

    [Fact]
    public void StartTime_FractionOfMoreThanSevenDigits_ReadsToTheTick()
    {
        Assert.Equal("2018-06-01T10:06:45.1234567+01:00", Shown(StartTimeOf("2018-06-01 10:06:45.123456789+01")));
    }

    [Fact]
    public void StartTime_FractionOfThirtyDigits_ReadsToTheTick()
    {
        Assert.Equal("2018-06-01T10:06:45.9999999+01:00", Shown(StartTimeOf("2018-06-01 10:06:45.999999999999999999999999999999+01")));
    }

    [Fact]
    public void StartTime_OffsetHoursOnly_ReadsThatOffset()
    {
        var time = StartTimeOf("2018-06-01 10:06:45+01");

        Assert.Equal(TimeSpan.FromHours(1), time?.Offset);
        Assert.Equal(new DateTimeOffset(2018, 6, 1, 9, 6, 45, TimeSpan.Zero), time);
    }

    [Fact]
    public void StartTime_OffsetWithColonMinutes_ReadsThatOffset()
    {
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(StartTimeOf("2018-06-01 10:06:45.545359+01:00")));
    }

    [Fact]
    public void StartTime_NegativeOffsetHoursOnly_ReadsThatOffset()
    {
        var time = StartTimeOf("2018-06-01 10:06:45.545359-05");

        Assert.Equal("2018-06-01T10:06:45.5453590-05:00", Shown(time));
        Assert.Equal(new DateTimeOffset(2018, 6, 1, 15, 6, 45, TimeSpan.Zero).AddTicks(5_453_590), time);
    }

    [Fact]
    public void StartTime_OffsetWithMinutesWithoutColon_ReadsThatOffset()
    {
        var time = StartTimeOf("2018-06-01 10:06:45+0530");

        Assert.Equal("2018-06-01T10:06:45.0000000+05:30", Shown(time));
        Assert.Equal(new DateTimeOffset(2018, 6, 1, 4, 36, 45, TimeSpan.Zero), time);
    }

    [Fact]
    public void StartTime_NegativeOffsetWithMinutes_ReadsThatOffset()
    {
        Assert.Equal("2018-06-01T10:06:45.0000000-03:30", Shown(StartTimeOf("2018-06-01 10:06:45-0330")));
    }

    [Fact]
    public void StartTime_ZuluOffset_ReadsUtc()
    {
        var time = StartTimeOf("2018-06-01 09:06:45.545359Z");

        Assert.Equal("2018-06-01T09:06:45.5453590+00:00", Shown(time));
    }

    [Fact]
    public void StartTime_NoOffset_ReadsAsUtc()
    {
        Assert.Equal("2018-06-01T09:06:45.5453590+00:00", Shown(StartTimeOf("2018-06-01 09:06:45.545359")));
    }

    [Fact]
    public void StartTime_Iso8601WithT_ReadsInstantAndOffset()
    {
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(StartTimeOf("2018-06-01T10:06:45.545359+01:00")));
    }

    [Fact]
    public void StartTime_Iso8601WithTAndZ_ReadsUtc()
    {
        Assert.Equal("2018-06-01T09:06:45.5450000+00:00", Shown(StartTimeOf("2018-06-01T09:06:45.545Z")));
    }

    [Fact]
    public void StartTime_Iso8601WithoutSeconds_ReadsTheMinute()
    {
        Assert.Equal("2018-06-01T10:06:00.0000000+01:00", Shown(StartTimeOf("2018-06-01T10:06+01:00")));
    }

    [Fact]
    public void StartTime_SurroundingWhitespace_IsIgnored()
    {
        Assert.Equal("2018-06-01T10:06:45.0000000+01:00", Shown(StartTimeOf("  2018-06-01 10:06:45+01 ")));
    }

    [Fact]
    public void StartTime_EmptyString_ReadsAsNull()
    {
        Assert.Null(StartTimeOf(""));
    }

    [Fact]
    public void StartTime_Null_ReadsAsNull()
    {
        Assert.Null(ParseExecution("""  "starttime": null, "status": "Running"  """).StartTime);
    }

    [Fact]
    public void EndTime_Null_ReadsAsNullWhileStartTimeIsKept()
    {
        var execution = ParseExecution("""  "starttime": "2018-06-01 10:06:45.545359+01", "endtime": null  """);

        Assert.Null(execution.EndTime);
        Assert.Equal("2018-06-01T10:06:45.5453590+01:00", Shown(execution.StartTime));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2018-06-01")]
    [InlineData("2018-06-01 25:06:45+01")]
    [InlineData("2018-13-01 10:06:45+01")]
    [InlineData("2018-06-01 10:06:45+1")]
    [InlineData("2018-06-01 10:06:45 +01 extra")]
    [InlineData("2018-06-01 10:06:45.+01")]
    [InlineData("2018-06-01 10:06:45+25:00")]
    public void TryParse_Garbage_ReturnsFalse(string text)
    {
        Assert.False(EggplantTimestampConverter.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_LongRunOfDigits_AnswersQuickly()
    {
        var text = "2018-06-01 10:06:45." + new string('1', 200_000) + "x";

        Assert.False(EggplantTimestampConverter.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_LongRunOfSpacesBeforeGarbage_AnswersQuickly()
    {
        var text = "2018-06-01 10:06:45" + new string(' ', 200_000) + "+01x";

        Assert.False(EggplantTimestampConverter.TryParse(text, out _));
    }

    [Fact]
    public void Write_Value_WritesIso8601WithOffset()
    {
        var options = new JsonSerializerOptions { Converters = { new EggplantTimestampConverter() } };
        DateTimeOffset? time = new DateTimeOffset(2018, 6, 1, 10, 6, 45, TimeSpan.FromHours(1));

        Assert.Equal("\"2018-06-01T10:06:45+01:00\"", JsonSerializer.Serialize(time, options));
        Assert.Equal("null", JsonSerializer.Serialize((DateTimeOffset?)null, options));
    }
}
