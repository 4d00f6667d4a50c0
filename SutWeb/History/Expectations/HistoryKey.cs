namespace SutWeb.History.Expectations;

/// <summary>What a cached answer is about: a model (<see cref="Name"/> is its name) or an agent (its name) on one source.</summary>
public readonly record struct HistoryKey(string Source, string Name);
