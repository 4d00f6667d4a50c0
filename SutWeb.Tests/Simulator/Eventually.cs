namespace SutWeb.Tests.Simulator;

/// <summary>Waits for a condition with a generous deadline, instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<Task<bool>> condition, string because)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Not true within {Deadline}: {because}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
