using System.Globalization;
using System.Text;
using SutWeb.Shared.History;

namespace SutWeb.Api;

/// <summary>
/// Runs as RFC 4180 CSV (docs/API.md section 5): a header line of the JSON names, CRLF line ends, a field quoted when
/// it holds a comma, a quote, CR or LF, quotes doubled. A text cell that a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) gets a leading single quote.
/// </summary>
public static class RunsCsv
{
    /// <summary>The most rows one export gives: about 100 MB with typical logs; narrow with from/to or go on with the cursor in <see cref="NextHeader"/>.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The response header with the <c>cursor</c> that continues an export cut at its <c>limit</c> (absent when nothing follows).</summary>
    public const string NextHeader = "X-SutWeb-Next";

    public const string ContentType = "text/csv; charset=utf-8; header=present";

    public static readonly IReadOnlyList<string> Columns =
    [
        "source", "agentName", "port", "executionId", "runId", "processId", "modelName", "userName", "type", "initiator",
        "startTime", "endTime", "outcome", "durationSeconds", "lastLog",
    ];

    public static void AppendHeader(StringBuilder csv) => csv.Append(string.Join(',', Columns)).Append("\r\n");

    public static void AppendRow(StringBuilder csv, RunRecord run)
    {
        Text(csv, run.Source).Append(',');
        Text(csv, run.AgentName).Append(',');
        Number(csv, run.Port).Append(',');
        Text(csv, run.ExecutionId).Append(',');
        Text(csv, run.RunId).Append(',');
        Number(csv, run.ProcessId).Append(',');
        Text(csv, run.ModelName).Append(',');
        Text(csv, run.UserName).Append(',');
        Text(csv, run.Type).Append(',');
        Text(csv, run.Initiator).Append(',');
        csv.Append(Time(run.StartTime)).Append(',');
        csv.Append(run.EndTime is { } end ? Time(end) : "").Append(',');
        Text(csv, run.Outcome).Append(',');
        csv.Append(run.DurationSeconds?.ToString("R", CultureInfo.InvariantCulture)).Append(',');
        Text(csv, run.LastLog).Append("\r\n");
    }

    /// <summary>As the JSON writes a time: ISO-8601 in UTC with its offset, fractions of a second only when there are any.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>One text cell: guarded against formulas, then quoted when needed. Null is an empty cell.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static StringBuilder Text(StringBuilder csv, string? text) => csv.Append(Cell(text));

    private static StringBuilder Number(StringBuilder csv, int? number) => csv.Append(number?.ToString(CultureInfo.InvariantCulture));
}
