using System.Globalization;

namespace SutWeb.Bench.Reporting;

/// <summary>Count, mean and nearest-rank percentiles of a set of values (milliseconds unless said otherwise).</summary>
public sealed record Distribution(int Count, double Mean, double Min, double P50, double P95, double P99, double Max)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        return new Distribution(sorted.Length, sorted.Average(), sorted[0], Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
