namespace SutWeb.History.Expectations;

/// <summary>A running run against its model's usual duration.</summary>
/// <param name="Fraction">0 to 1: how much of the usual duration has passed (1 once it is over).</param>
/// <param name="Remaining">The usual duration less the time taken: negative once the run is over the usual.</param>
/// <param name="Overrun">The run has taken longer than usual.</param>
public readonly record struct RunProgress(double Fraction, TimeSpan Remaining, bool Overrun);
