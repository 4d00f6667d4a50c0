using SutWeb.Components.Styling;

namespace SutWeb.Tests.Components;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(5, "0:05")]
    [InlineData(65, "1:05")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(36_005, "10:00:05")]
    [InlineData(90_061, "1 d 01:01:01")]
    [InlineData(-30, "0:00")]
    public void Format_Duration_ReadsLikeAClock(int seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
