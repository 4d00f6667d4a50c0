using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SutWeb.Configuration;

namespace SutWeb.Tests.ScaleOut;

/// <summary>Scale-out settings that cannot work stop the start with exit code 2 and a message naming the settings.</summary>
public sealed class ScaleOutStartupTests
{
    private const string Password = "redis-secret-pa55word";

    public static TheoryData<string, string[]> BadConfigurations => new()
    {
        {
            "ScaleOut:Redis is set, so History:Provider must be Postgres",
            ["ScaleOut:Redis=127.0.0.1:6379"]
        },
        {
            "ScaleOut:Redis is set, so History:Provider must be Postgres",
            ["ScaleOut:Redis=127.0.0.1:6379", "History:Provider=Sqlite"]
        },
        {
            "ScaleOut:Redis is not a StackExchange.Redis connection string",
            [$"ScaleOut:Redis=127.0.0.1:6379,password={Password},colour=blue", "History:Provider=None"]
        },
        {
            "ScaleOut:Redis is not a StackExchange.Redis connection string",
            [$"ScaleOut:Redis=password={Password}", "History:Provider=None"]
        },
        {
            "ScaleOut:KeyPrefix must not be empty",
            ["ScaleOut:Redis=127.0.0.1:6379", "ScaleOut:KeyPrefix= ", "History:Provider=None"]
        },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task Start_BadScaleOutConfiguration_ExitsWith2NamingTheSettingAndNoPassword(string message, string[] settings)
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
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }
}
