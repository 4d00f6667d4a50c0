namespace SutWeb.Simulator;

/// <summary>The fault in force; <see cref="Delay"/> matters only for <see cref="SimulatorFaultKind.Slow"/>.</summary>
internal sealed record SimulatorFault(SimulatorFaultKind Kind, TimeSpan Delay)
{
    public static readonly SimulatorFault None = new(SimulatorFaultKind.None, TimeSpan.Zero);

    /// <summary>Long enough to outlast any sane client timeout.</summary>
    public static readonly TimeSpan TimeoutDelay = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultSlowDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxSlowDelay = TimeSpan.FromMinutes(10);

    /// <summary>Reads a control request; null with an error message when it is not acceptable.</summary>
    public static SimulatorFault? FromSetting(SimulatorFaultSetting setting, out string error)
    {
        if (!TryParseKind(setting.Kind, out var kind))
        {
            error = $"Unknown fault kind '{setting.Kind}'; expected one of: {string.Join(", ", Enum.GetValues<SimulatorFaultKind>().Select(Name))}.";
            return null;
        }
        var delay = setting.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : DefaultSlowDelay;
        if (kind == SimulatorFaultKind.Slow && (delay < TimeSpan.Zero || delay > MaxSlowDelay))
        {
            error = $"delayMs must be between 0 and {MaxSlowDelay.TotalMilliseconds}.";
            return null;
        }
        error = "";
        return new SimulatorFault(kind, kind == SimulatorFaultKind.Slow ? delay : TimeSpan.Zero);
    }

    public SimulatorFaultSetting ToSetting() => new(Name(Kind), (int)Delay.TotalMilliseconds);

    private static bool TryParseKind(string? text, out SimulatorFaultKind kind)
    {
        foreach (var candidate in Enum.GetValues<SimulatorFaultKind>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Kebab case: <c>StallBody</c> is "stall-body", <c>Http500</c> is "http500".</summary>
    private static string Name(SimulatorFaultKind kind)
    {
        var pascal = kind.ToString();
        var name = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                name.Append('-');
            }
            name.Append(char.ToLowerInvariant(pascal[i]));
        }
        return name.ToString();
    }
}
