using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// A fake clock that counts how often <see cref="PollerWatchdog"/> has read it: the watchdog reads it first thing on
/// each of its ticks and judges at once, so a count that has grown since a step means it has judged that step, and a
/// test can say it never called a stall without waiting for an arbitrary time.
/// </summary>
public sealed class WatchdogWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _watchdogReads;

    public int WatchdogReads => Volatile.Read(ref _watchdogReads);

    public override DateTimeOffset GetUtcNow()
    {
        // The watchdog's loop is an async state machine nested in its class.
        if (new StackTrace().GetFrames().Any(f => f.GetMethod()?.DeclaringType?.DeclaringType == typeof(PollerWatchdog)))
        {
            Interlocked.Increment(ref _watchdogReads);
        }
        return base.GetUtcNow();
    }
}
