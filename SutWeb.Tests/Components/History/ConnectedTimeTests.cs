using SutWeb.Components.History;
using SutWeb.History;

namespace SutWeb.Tests.Components.History;

/// <summary>Time connected per day, from connect and disconnect events, without a renderer.</summary>
public sealed class ConnectedTimeTests
{
    private static readonly DateOnly FirstDay = new(2026, 11, 1);
    private static readonly DateTimeOffset Midnight = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private long _id;

    [Fact]
    public void PerDay_ConnectedAcrossMidnight_SplitsTheTimeBetweenTheDays()
    {
        var days = ConnectedTime.PerDay(
            [Event(Midnight.AddHours(20), connected: true), Event(Midnight.AddHours(26), connected: false)],
            FirstDay, 3, Midnight.AddDays(3), TimeZoneInfo.Utc);

        Assert.Equal([TimeSpan.FromHours(4), TimeSpan.FromHours(2), TimeSpan.Zero], days.Select(d => d.Connected));
        Assert.Equal([FirstDay, FirstDay.AddDays(1), FirstDay.AddDays(2)], days.Select(d => d.Day));
    }

    [Fact]
    public void PerDay_ConnectedBeforeTheFirstDayAndStill_CountsUntilNow()
    {
        var days = ConnectedTime.PerDay([Event(Midnight.AddDays(-5), connected: true)], FirstDay, 3, Midnight.AddDays(2).AddHours(7), TimeZoneInfo.Utc);

        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(24), TimeSpan.FromHours(7)], days.Select(d => d.Connected));
    }

    [Fact]
    public void PerDay_TwoConnectionsOverlapping_CountsTheAgentOnceNotTwice()
    {
        var days = ConnectedTime.PerDay(
        [
            Event(Midnight.AddHours(1), connected: true, port: 5001),
            Event(Midnight.AddHours(2), connected: true, port: 5002),
            Event(Midnight.AddHours(3), connected: false, port: 5001),
            Event(Midnight.AddHours(5), connected: false, port: 5002),
        ], FirstDay, 1, Midnight.AddDays(1), TimeZoneInfo.Utc);

        Assert.Equal(TimeSpan.FromHours(4), Assert.Single(days).Connected);
    }

    [Fact]
    public void PerDay_DisconnectedBeforeTheFirstDay_CountsNothing()
    {
        var days = ConnectedTime.PerDay(
            [Event(Midnight.AddDays(-3), connected: true), Event(Midnight.AddDays(-2), connected: false)],
            FirstDay, 2, Midnight.AddDays(2), TimeZoneInfo.Utc);

        Assert.All(days, d => Assert.Equal(TimeSpan.Zero, d.Connected));
    }

    [Fact]
    public void PerDay_ViewerTwoHoursAheadOfUtc_DaysStartAtTheirMidnight()
    {
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus two", "plus two");

        // 23:00-01:00 UTC is 01:00-03:00 on the viewer's second day.
        var days = ConnectedTime.PerDay(
            [Event(Midnight.AddHours(23), connected: true), Event(Midnight.AddHours(25), connected: false)],
            FirstDay, 2, Midnight.AddDays(3), plusTwo);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(2)], days.Select(d => d.Connected));
    }

    [Fact]
    public void PerDay_RunEventsAmongThem_AreIgnored()
    {
        var run = new HistoryEvent { Id = 99, At = Midnight.AddHours(2), Source = "default", AgentName = "lab-1", Port = 5001, Kind = AgentEventKinds.RunFinished, State = "Passed" };

        var days = ConnectedTime.PerDay([Event(Midnight.AddHours(1), connected: true), run, Event(Midnight.AddHours(4), connected: false)],
            FirstDay, 1, Midnight.AddDays(1), TimeZoneInfo.Utc);

        Assert.Equal(TimeSpan.FromHours(3), Assert.Single(days).Connected);
    }

    private HistoryEvent Event(DateTimeOffset at, bool connected, int port = 5001) => new()
    {
        Id = ++_id,
        At = at,
        Source = "default",
        AgentName = "lab-1",
        Port = port,
        Kind = connected ? AgentEventKinds.Connected : AgentEventKinds.Disconnected,
        State = "Idle",
    };
}
