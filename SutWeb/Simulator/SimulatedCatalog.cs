using System.Globalization;

namespace SutWeb.Simulator;

/// <summary>Made-up but realistic content for simulated runs: models, users, log lines, outcomes.</summary>
internal static class SimulatedCatalog
{
    private static readonly string[] Models =
    [
        "LoginFlow", "CheckoutSmoke", "SearchRegression", "BBCSport", "PaymentGateway",
        "OnboardingWizard", "ProfileSettings", "CartAbandonment", "MobileMenu", "ReportExport",
    ];

    // Made-up users at the reserved example.com domain, never a real company's; Eggplant sends an empty username for some runs.
    private static readonly string[] Users =
        ["martin.dann@example.com", "priya.shah@example.com", "", "qa-bot", "j.okafor@example.com"];

    private static readonly string[] Initiators = ["api", "scheduler", "ui"];

    private static readonly string[] Actions =
        ["Click \"Login\"", "TypeText <username>", "Scroll down", "Tap \"Add to basket\"", "Wait for <Spinner> to vanish"];

    private static readonly string[] States = ["Home", "Login", "Basket", "Checkout", "Search results", "Settings"];

    public static SimulatedRun NewRun(Random random, int processId, string startTime) =>
        new(NewGuid(random).ToString(), Pick(random, Models), Pick(random, Users), Pick(random, Initiators), startTime, processId);

    /// <summary>One line of engine output; some hold quotes and markup, as real logs do.</summary>
    public static string LogLine(Random random) => random.Next(5) switch
    {
        0 => $"Executing action {Pick(random, Actions)} in state \"{Pick(random, States)}\"",
        1 => $"Found image \"{Pick(random, States)}Title\" at ({random.Next(1920)}, {random.Next(1080)})",
        2 => $"Warning: image \"Spinner\" still visible, retrying (attempt {random.Next(1, 4)} of 3)",
        3 => $"Verified <title> & heading of \"{Pick(random, States)}\" in {random.Next(40, 900)} ms",
        _ => $"Coverage {random.Next(5, 100).ToString(CultureInfo.InvariantCulture)}% of model states visited",
    };

    /// <summary>Mostly passes, sometimes fails, now and then incomplete.</summary>
    public static string FinalStatus(Random random) => random.Next(20) switch
    {
        < 12 => "Passed",
        < 17 => "Failed",
        _ => "Incomplete",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    // From the seeded generator (not Guid.NewGuid) so that a seed repeats the same ids.
    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
