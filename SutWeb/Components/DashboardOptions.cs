namespace SutWeb.Components;

/// <summary>How the desk dashboard judges what it shows (configuration section "Dashboard").</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A run going on for longer than this is marked "possibly stuck".</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an agent that disconnected stays on screen, greyed, before its row goes.</summary>
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most disconnected agents kept on screen at once; beyond it the oldest departures go first.</summary>
    public int MaxDepartedRows { get; set; } = 200;

    /// <summary>
    /// Where people reach this board (https://sutweb.example.com/), for the links in notifications; none when unset,
    /// since behind a proxy SutWeb cannot know its own public address.
    /// </summary>
    public string? PublicUrl { get; set; }
}
