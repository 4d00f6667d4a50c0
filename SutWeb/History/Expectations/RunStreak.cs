namespace SutWeb.History.Expectations;

/// <summary>The agent's newest decisive outcome (Passed, Failed or Incomplete) and how many runs in a row ended so; Lost runs neither break nor extend it.</summary>
public sealed record RunStreak(string Outcome, int Count);
