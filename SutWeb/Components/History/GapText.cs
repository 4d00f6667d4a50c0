using SutWeb.Components.Styling;
using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>The sentence that says where history is incomplete, so an empty stretch is not read as a quiet one.</summary>
public static class GapText
{
    /// <summary>At most this many gaps are named; the rest are counted.</summary>
    public const int MaxNamed = 3;

    public static string Describe(HistoryGap gap, ViewerTime time)
    {
        var what = Count(gap.DroppedRuns, "run update") + (gap.DroppedRuns > 0 && gap.DroppedEvents > 0 ? " and " : "")
            + Count(gap.DroppedEvents, "agent event");
        var from = time.Format(gap.From, "yyyy-MM-dd HH:mm");
        var to = time.ToLocal(gap.To).Date == time.ToLocal(gap.From).Date ? time.Format(gap.To, "HH:mm") : time.Format(gap.To, "yyyy-MM-dd HH:mm");
        return $"{gap.Source}: {what} not kept between {from} and {to}";
    }

    public static string More(int count) => count <= 0 ? "" : $"and {Count(count, "more gap")}";

    private static string Count(int n, string noun) => n switch
    {
        0 => "",
        1 => $"1 {noun}",
        _ => $"{n:N0} {noun}s",
    };
}
