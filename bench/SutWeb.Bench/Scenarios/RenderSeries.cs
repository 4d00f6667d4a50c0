using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// What the host rendered while the driver changed one agent a number of times, one poll apart. Batches that changed
/// two or more HTML elements are taken as the renders of a diff (a changed row changes its model cell and its row
/// class); one-element batches are the rest (a page's per-second elapsed-time cells).
/// </summary>
public sealed record RenderSeries(int Pages, int Changes, double Seconds, Distribution DiffBatches, Distribution OtherBatches, double OtherTotalMs, Distribution Dom, long BytesPerChange)
{
    public double DiffBatchesPerPageAndChange => DiffBatches.Count / (double)Math.Max(1, Pages * Changes);

    public double OtherBatchesPerPageAndSecond => OtherBatches.Count / Math.Max(1e-9, Pages * Seconds);

    /// <summary>Render time of the one-element batches, per page and second.</summary>
    public double OtherMsPerPageAndSecond => OtherTotalMs / Math.Max(1e-9, Pages * Seconds);
}
