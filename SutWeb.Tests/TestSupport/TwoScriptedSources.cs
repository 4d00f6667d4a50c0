namespace SutWeb.Tests.TestSupport;

/// <summary>
/// Two scripted Eggplant servers for one SutWeb with two sources: <see cref="First"/> is the source <c>default</c>
/// (the flat <c>Eggplant:*</c> settings), <see cref="Second"/> the named source <see cref="Source"/>
/// (<c>Eggplant:Sources:{id}:*</c>).
/// </summary>
public sealed class TwoScriptedSources : IAsyncDisposable
{
    private readonly string? _displayName;

    private TwoScriptedSources(ScriptedEggplantServer first, ScriptedEggplantServer second, string source, string? displayName)
    {
        First = first;
        Second = second;
        Source = source;
        _displayName = displayName;
    }

    /// <summary>The server of the source <c>default</c>.</summary>
    public ScriptedEggplantServer First { get; }

    /// <summary>The server of the source <see cref="Source"/>.</summary>
    public ScriptedEggplantServer Second { get; }

    /// <summary>The id of the second source.</summary>
    public string Source { get; }

    /// <summary>
    /// Starts both servers, each answering <paramref name="agents"/> (or the server's own empty list when null); the
    /// second source is <paramref name="source"/>, shown as <paramref name="displayName"/> (no <c>DisplayName</c> when null).
    /// </summary>
    public static async Task<TwoScriptedSources> StartAsync(byte[]? agents = null, string source = "lab-a", string? displayName = "Lab A")
    {
        var first = await ScriptedEggplantServer.StartAsync();
        ScriptedEggplantServer second;
        try
        {
            second = await ScriptedEggplantServer.StartAsync();
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
        if (agents is not null)
        {
            first.AnswerStatus(agents);
            second.AnswerStatus(agents);
        }
        return new TwoScriptedSources(first, second, source, displayName);
    }

    /// <summary>The settings of both sources, each with its own credentials, then <paramref name="more"/> added or overriding.</summary>
    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var prefix = $"Eggplant:Sources:{Source}:";
        var settings = new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = First.BaseUrl,
            ["Eggplant:Username"] = "first",
            ["Eggplant:Password"] = "first-secret",
            [prefix + "BaseUrl"] = Second.BaseUrl,
            [prefix + "Username"] = "second",
            [prefix + "Password"] = "second-secret",
        };
        if (_displayName is not null)
        {
            settings[prefix + "DisplayName"] = _displayName;
        }
        foreach (var (key, value) in more ?? Enumerable.Empty<KeyValuePair<string, string?>>())
        {
            settings[key] = value;
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
