using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SutWeb.Configuration;

namespace SutWeb.Tests.Eggplant.Sources;

/// <summary>
/// Each bad configuration of issue 12 point 6 stops the real host's start (<see cref="StartupErrors"/>, as
/// <c>dotnet run</c> does) with exit code 2 and a message naming the setting, and no source's secret in it.
/// </summary>
public sealed class SourcesStartupTests
{
    private const string Secret = "hunter2-of-a-source";

    private static readonly (string Key, string Value)[] LabA =
    [
        ("Eggplant:Sources:lab-a:BaseUrl", "http://127.0.0.1:9/"),
        ("Eggplant:Sources:lab-a:Username", "a"),
        ("Eggplant:Sources:lab-a:Password", Secret),
    ];

    public static TheoryData<string, string[]> BadConfigurations() => new()
    {
        {
            "Eggplant:Sources:default duplicates the source default",
            ["Eggplant:BaseUrl=http://127.0.0.1:9/", "Eggplant:Username=me", $"Eggplant:Password={Secret}",
                "Eggplant:Sources:default:BaseUrl=http://127.0.0.1:9/", "Eggplant:Sources:default:Username=a",
                $"Eggplant:Sources:default:Password={Secret}"]
        },
        {
            "Eggplant:Sources:Lab_A is not a valid source id",
            ["Eggplant:Sources:Lab_A:BaseUrl=http://127.0.0.1:9/", "Eggplant:Sources:Lab_A:Username=a", $"Eggplant:Sources:Lab_A:Password={Secret}"]
        },
        {
            "Eggplant:Sources:lab-a:BaseUrl is required",
            ["Eggplant:Sources:lab-a:Username=a", $"Eggplant:Sources:lab-a:Password={Secret}"]
        },
        {
            "Eggplant:Sources:lab-a:IdlePollInterval must not be shorter than Eggplant:Sources:lab-a:PollInterval",
            [.. LabA.Select(s => $"{s.Key}={s.Value}"), "Eggplant:Sources:lab-a:PollInterval=00:00:05", "Eggplant:Sources:lab-a:IdlePollInterval=00:00:02"]
        },
        {
            "Eggplant:IdlePollInterval must not be shorter than Eggplant:PollInterval",
            ["Eggplant:PollInterval=00:00:05", "Eggplant:IdlePollInterval=00:00:02"]
        },
        {
            "Eggplant:Sources:lab-a:ClientId and Eggplant:Sources:lab-a:ClientSecret are required",
            ["Eggplant:Sources:lab-a:BaseUrl=http://127.0.0.1:9/", $"Eggplant:Sources:lab-a:Password={Secret}",
                "Eggplant:Sources:lab-a:TokenUrl=http://127.0.0.1:9/token", $"Eggplant:Sources:lab-a:ClientSecret={Secret}"]
        },
        {
            "Eggplant:Sources:lab-a:PollInterval is 'banana', which is not a time span",
            [.. LabA.Select(s => $"{s.Key}={s.Value}"), "Eggplant:Sources:lab-a:PollInterval=banana"]
        },
        {
            "Simulator:Instances:0 and Eggplant:Sources:lab-a both name the source 'lab-a'",
            [.. LabA.Select(s => $"{s.Key}={s.Value}"), "Simulator:Instances:0=lab-a", "Simulator:AllowBesideRealServer=true"]
        },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task Start_BadSourceConfiguration_ExitsWith2NamingTheSettingAndNoSecret(string message, string[] settings)
    {
        using var error = new StringWriter();

        // On a thread of its own: a configuration that wrongly passed would run the host until the timeout fails the test.
        var exit = await Task.Run(() => StartupErrors.Run([], args => Program.BuildApp(args, builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], (string?)kv[1])));
            builder.Logging.ClearProviders();
        }), error)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(StartupErrors.ExitCode, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith($"SutWeb cannot start: {message}", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }
}
