using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// The bench programs' figures as JSON beside the prose that quotes them (docs/bench/*.json): one object per
/// measurement, replaced when that measurement runs again, the others kept. Every number's unit is in its name.
/// </summary>
public static class FiguresFile
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // "≤", "→" and quotes stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new RoundedDoubleConverter() },
    };

    /// <summary>The default file of a bench program: <c>docs/bench/NAME.json</c> of this repository.</summary>
    public static string? DefaultPath(string name) =>
        RepositoryRoot.Find() is { } repo ? Path.Combine(repo, "docs", "bench", name + ".json") : null;

    public static string ToJson(object value) => JsonSerializer.Serialize(value, Options);

    public static void Write(string path, string measurement, object value)
    {
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        root[measurement] = JsonSerializer.SerializeToNode(value, Options);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, root.ToJsonString(Options) + "\n");
    }
}
