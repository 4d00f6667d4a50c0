using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Console;
using SutWeb.Hubs;
using SutWeb.Monitoring;

namespace SutWeb.Bench.Hosting;

/// <summary>
/// The child process side: the real SutWeb host (<see cref="Program.BuildApp"/>) on 127.0.0.1 with the settings
/// given as command-line configuration (<c>--urls</c> included), plus <c>GET /bench/metrics</c>. It stops when its
/// standard input closes, so it never outlives the driver that started it.
/// </summary>
public static class HostMode
{
    /// <summary>The first argument that asks the host to count its allocations (<see cref="AllocationTicks"/>).</summary>
    public const string AllocationTicksArgument = "--allocation-ticks";

    public static async Task<int> RunAsync(string[] settings)
    {
        using var recorder = new MeterRecorder();
        using var ticks = settings.FirstOrDefault() == AllocationTicksArgument ? new AllocationTicks() : null;
        settings = ticks is null ? settings : settings[1..];
        var app = Program.BuildApp(settings, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // Quiet: warnings and errors only, whatever appsettings.json says.
            builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        });
        app.MapGet("/bench/metrics", (bool? gc, bool? reset, bool? samples) => Collect(app.Services, recorder, ticks, gc == true, reset == true, samples == true));
        await app.StartAsync();
        // A subscriber of the board inside the host, as the hub broadcaster and every circuit are: how soon after its
        // publish a diff reaches a reader in this process, which tells a stalled host from a slow network path.
        using var stopping = new CancellationTokenSource();
        var subscription = app.Services.GetRequiredService<AgentBoard>().Subscribe();
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in subscription.Updates.ReadAllAsync(stopping.Token))
                {
                    if (update.Diff is { } diff)
                    {
                        recorder.Add(MeterRecorder.BoardSubscriber, (DateTimeOffset.UtcNow - diff.ObservedAt).TotalMilliseconds);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        // The driver closes standard input (or dies), or the process is asked to stop (SIGTERM, Ctrl+C): stop.
        var inputClosed = Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        });
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (app.Lifetime.ApplicationStopping.Register(() => stopRequested.TrySetResult()))
        {
            await Task.WhenAny(inputClosed, stopRequested.Task);
        }
        await stopping.CancelAsync();
        subscription.Dispose();
        await reading;
        await app.StopAsync(TimeSpan.FromSeconds(5));
        await app.DisposeAsync();
        return 0;
    }

    private static IResult Collect(IServiceProvider services, MeterRecorder recorder, AllocationTicks? ticks, bool gc, bool reset, bool samples)
    {
        if (gc)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        using var process = Process.GetCurrentProcess();
        var board = services.GetRequiredService<AgentBoard>();
        var current = board.Current;
        var hub = services.GetRequiredService<HubLifetimeManager<StatusHub>>() as QueuedHubLifetimeManager<StatusHub>;
        var metrics = new HostMetrics
        {
            AtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            CpuMs = process.TotalProcessorTime.TotalMilliseconds,
            WorkingSetBytes = process.WorkingSet64,
            GcHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            Gen0Collections = GC.CollectionCount(0),
            Gen1Collections = GC.CollectionCount(1),
            Gen2Collections = GC.CollectionCount(2),
            BoardVersion = current.Version,
            Agents = current.Agents.Count,
            CompletedPolls = services.GetRequiredService<PollerStatus>().CompletedPolls,
            AllocatedBytes = ticks?.Bytes ?? -1,
            PollIntervalMs = current.Health.PollIntervalSeconds * 1000,
            SourcePollIntervalsMs = current.Health.Sources?.ToDictionary(s => s.Source, s => s.PollIntervalSeconds * 1000) ?? [],
            HubDropped = hub?.Dropped ?? -1,
            HistoryPendingWrites = services.GetService<SutWeb.History.PendingWrites>()?.Count ?? -1,
            CircuitsActive = recorder.CircuitsActive,
            RenderBatches = recorder.RenderBatches,
            Samples = samples ? recorder.Snapshot() : [],
        };
        if (reset)
        {
            recorder.Reset();
        }
        return Results.Json(metrics, JsonSerializerOptions.Web);
    }
}
