using System.Diagnostics;

namespace SutWeb.Bench.Scenarios;

/// <summary>Bounded waits for a condition: every loop of the driver ends by itself.</summary>
public static class Waiting
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, int pollMs = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(pollMs);
        }
        return true;
    }

    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, int pollMs = 50)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(pollMs);
        }
        return true;
    }
}
