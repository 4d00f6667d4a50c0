using SutWeb.Components.Agents;

namespace SutWeb.Tests.Components;

/// <summary>What the live region says: one sentence per burst, bounded, never more often than the quiet period.</summary>
public sealed class FailureAnnouncementsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Announce_OneFailure_NamesTheAgent()
    {
        var announcements = new FailureAnnouncements();
        announcements.Add("checkout-07", "checkout-07");

        Assert.Null(announcements.Announce(Now));

        Assert.Equal("Agent checkout-07 failed.", announcements.Text);
    }

    [Fact]
    public void Announce_Burst_IsOneBoundedSentence()
    {
        var announcements = new FailureAnnouncements();
        foreach (var name in new[] { "a", "b", "c", "d", "e", "b" })
        {
            announcements.Add(name, name);
        }

        announcements.Announce(Now);

        Assert.Equal("5 agents failed: a, b, c and 2 more.", announcements.Text);
    }

    [Fact]
    public void Announce_TwoConnectionsOfOneName_CountsBoth()
    {
        var announcements = new FailureAnnouncements();
        announcements.Add("lab:5400", "lab");
        announcements.Add("lab:5401", "lab");

        announcements.Announce(Now);

        Assert.Equal("2 agents failed: lab and 1 more.", announcements.Text);
    }

    [Fact]
    public void Announce_TwoFailures_ListsBoth()
    {
        var announcements = new FailureAnnouncements();
        announcements.Add("a", "a");
        announcements.Add("b", "b");

        announcements.Announce(Now);

        Assert.Equal("2 agents failed: a and b.", announcements.Text);
    }

    [Fact]
    public void Announce_WithinQuietPeriod_WaitsAndThenSaysEverythingAtOnce()
    {
        var announcements = new FailureAnnouncements();
        announcements.Add("a", "a");
        announcements.Announce(Now);
        announcements.Add("b", "b");
        announcements.Add("c", "c");

        var due = announcements.Announce(Now + TimeSpan.FromSeconds(1));

        Assert.Equal(Now + FailureAnnouncements.QuietPeriod, due);
        Assert.Equal("Agent a failed.", announcements.Text);
        Assert.Null(announcements.Announce(Now + FailureAnnouncements.QuietPeriod));
        Assert.Equal("2 agents failed: b and c.", announcements.Text);
        Assert.False(announcements.HasPending);
    }

    [Fact]
    public void Announce_SameAgentFailsAgain_IsANewAnnouncement()
    {
        var announcements = new FailureAnnouncements();
        announcements.Add("a", "a");
        announcements.Announce(Now);
        announcements.Add("a", "a");

        announcements.Announce(Now + FailureAnnouncements.QuietPeriod);

        Assert.Equal(2, announcements.Count);
        Assert.Equal("Agent a failed.", announcements.Text);
    }

    [Fact]
    public void Announce_NothingPending_SaysNothing()
    {
        var announcements = new FailureAnnouncements();

        Assert.Null(announcements.Announce(Now));

        Assert.Equal("", announcements.Text);
    }
}
