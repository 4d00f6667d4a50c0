using SutWeb.Notifications.Delivery;

namespace SutWeb.Tests.Notifications;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 0.0, 1)]
    [InlineData(1, 1.0, 2)]
    [InlineData(2, 0.5, 3)]
    [InlineData(4, 1.0, 16)]
    [InlineData(9, 0.0, 150)]
    [InlineData(30, 1.0, 300)]
    public void Delay_WithoutRetryAfter_DoublesFromTwoSecondsToFiveMinutesWithEqualJitter(int attempts, double random, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetrySchedule(() => random).Delay(attempts, null));

    [Theory]
    [InlineData(120, 120)]
    [InlineData(0, 1)]
    [InlineData(7200, 3600)]
    public void Delay_WithRetryAfter_IsWhatTheReceiverAskedWithinOneSecondAndAnHour(int asked, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetrySchedule(() => 0.5).Delay(3, TimeSpan.FromSeconds(asked)));

    [Fact]
    public void KeepTrying_UntilAnHourAfterStoring()
    {
        var stored = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        Assert.True(RetrySchedule.KeepTrying(stored, stored.AddMinutes(59)));
        Assert.False(RetrySchedule.KeepTrying(stored, stored.AddHours(1)));
    }
}
