namespace SutWeb.Tests.TestSupport;

/// <summary>Waits for a condition with a generous timeout instead of sleeping for a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        await UntilAsync(() => Task.FromResult(condition()), because, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }
            await Task.Delay(20);
        }
    }
}
