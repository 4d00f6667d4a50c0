using System.Globalization;
using System.Text;
using CsCheck;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Shared;

/// <summary>The byte-level fast path reads exactly what the general path reads, or leaves the text to it.</summary>
public sealed class TimestampFastPathTests
{
    private static readonly Gen<string> Dates =
        Gen.Select(Gen.Int[1, 9999], Gen.Int[0, 13], Gen.Int[0, 32], (y, mo, d) => $"{y:0000}-{mo:00}-{d:00}");

    private static readonly Gen<string> Times =
        Gen.Select(Gen.Int[0, 25], Gen.Int[0, 61], Gen.Int[0, 61], (h, mi, s) => $"{h:00}:{mi:00}:{s:00}");

    private static readonly Gen<string> Timestamps =
        Gen.Select(
            Dates, Times,
            OneOf("", ".5", ".545359", ".123", ".1234567", ".123456789012", "."),
            OneOf("", "Z", "z", "+01", "+01:00", "-05", "+0530", "-03:30", "+14", "+15", "+01:60", "+1", " +01", "+01:"),
            OneOf(" ", "T", "t", "_"),
            (date, time, fraction, offset, separator) => date + separator + time + fraction + offset);

    private static Gen<string> OneOf(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void FastPath_AnyTimestampText_AgreesWithTheGeneralPath()
    {
        var fastReads = 0;
        Timestamps.Sample(text =>
        {
            if (!EggplantTimestampConverter.TryParseFast(Encoding.UTF8.GetBytes(text), out var fast))
            {
                return;
            }
            fastReads++;
            Assert.True(EggplantTimestampConverter.TryParse(text, out var general), $"the general path refuses {text}");
            Assert.Equal(general, fast);
            Assert.Equal(general.Offset, fast.Offset);
        }, iter: 20_000, threads: 1);
        Assert.True(fastReads > 1_000, $"only {fastReads} read by the fast path");
    }

    [Theory]
    [InlineData("2018-06-01 10:06:45.545359+01")]
    [InlineData("2018-06-01 10:06:45+01:00")]
    [InlineData("2018-06-01T10:06:45.1234567Z")]
    [InlineData("2026-11-29 23:59:59.9-0530")]
    public void FastPath_DocumentedForms_AreReadWithoutTheGeneralPath(string text)
    {
        Assert.True(EggplantTimestampConverter.TryParseFast(Encoding.UTF8.GetBytes(text), out var fast));
        Assert.True(EggplantTimestampConverter.TryParse(text, out var general));
        Assert.Equal(general.ToString("O", CultureInfo.InvariantCulture), fast.ToString("O", CultureInfo.InvariantCulture));
    }
}
