namespace SutWeb.Simulator;

/// <summary>The simulator's log messages. None carries a token or a password, and none above Debug a user name.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator activity started: {AgentCount} agents, seed {Seed}, a tick every {Interval}")]
    public static partial void ActivityStarted(ILogger logger, int agentCount, int seed, TimeSpan interval);

    // User names only at Debug: a user name is personal data, and a mistyped one may be a password.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulator issued a token to {Client}")]
    public static partial void TokenIssued(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator rejected a sign-in: wrong password or client secret")]
    public static partial void CredentialsRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator refused a sign-in with 403: all {MaxTokens} concurrent licences (Simulator:MaxTokens) are held by live tokens")]
    public static partial void NoLicenceFree(ILogger logger, int maxTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator fault set to {Kind} (delay {DelayMs} ms)")]
    public static partial void FaultSet(ILogger logger, SimulatorFaultKind kind, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator activity running: {Running}")]
    public static partial void ActivitySet(ILogger logger, bool running);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator token lifetime set to {Lifetime}")]
    public static partial void TokenLifetimeSet(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator reset to its configured start state")]
    public static partial void Reset(ILogger logger);
}
