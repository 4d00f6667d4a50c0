using System.Globalization;

namespace SutWeb.Bench.Scenarios;

/// <summary>Figures as the report prints them.</summary>
public static class Format
{
    public static string MiB(double bytes) => (bytes / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string KiB(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";

    public static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " %";

    public static string Ms(double value) => Reporting.Distribution.Ms(value) + " ms";
}
