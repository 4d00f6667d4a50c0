using BenchmarkDotNet.Attributes;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Bench.Parsing;

/// <summary>
/// The poller's own work per poll, without the HTTP round trip: read the status answer, map it to views, diff it
/// against the previous poll's views. The host does exactly what <see cref="WholePoll"/> does (StatusPoller →
/// IncrementalAgentViewMapper → AgentBoard's StatusDiffer) on every poll; <see cref="WholePollFromScratch"/> is the same
/// without reusing the views of unchanged agents.
/// </summary>
[MemoryDiagnoser]
public class PollBenchmarks
{
    private static readonly DateTimeOffset ObservedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private byte[] _answer = [];
    private byte[] _before = [];
    private IncrementalAgentViewMapper _mapper = null!;
    private IReadOnlyList<AgentView> _mapped = [];
    private bool _nextIsAfter;
    private byte[] _answerWithoutTimes = [];
    private IReadOnlyList<AgentConnection> _connections = [];
    private IReadOnlyList<AgentView> _previous = [];

    [Params(100, 1_000, 10_000)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = new WirePayloadGenerator(seed: 42);
        var before = generator.Agents(Agents);
        var after = generator.Next(before);
        _previous = AgentViewMapper.ToViews(StatusPayloadParser.Parse(WirePayloadGenerator.Serialize(before)), AgentViewLimits.Default);
        _answer = WirePayloadGenerator.Serialize(after);
        _before = WirePayloadGenerator.Serialize(before);
        _mapper = new IncrementalAgentViewMapper(AgentViewLimits.Default);
        _mapped = _mapper.Map(_before);
        _nextIsAfter = true;
        foreach (var execution in after.Select(a => a["execution_status"]).OfType<System.Text.Json.Nodes.JsonObject>())
        {
            execution.Remove("starttime");
            execution.Remove("endtime");
        }
        _answerWithoutTimes = WirePayloadGenerator.Serialize(after);
        _connections = StatusPayloadParser.Parse(_answer);
    }

    /// <summary>Bytes of the status answer, for the report.</summary>
    public int AnswerBytes => _answer.Length;

    [Benchmark]
    public IReadOnlyList<AgentConnection> Parse() => StatusPayloadParser.Parse(_answer);

    /// <summary>The same answer without <c>starttime</c>/<c>endtime</c>: what the timestamps cost the parser.</summary>
    [Benchmark]
    public IReadOnlyList<AgentConnection> ParseWithoutTimestamps() => StatusPayloadParser.Parse(_answerWithoutTimes);

    [Benchmark]
    public StatusDiff? MapAndDiff() =>
        StatusDiffer.Diff(_previous, AgentViewMapper.ToViews(_connections, AgentViewLimits.Default), 1, ObservedAt);

    /// <summary>The poller's path: polls alternate between two answers about 1 % apart, each diffed against the one before.</summary>
    [Benchmark]
    public StatusDiff? WholePoll()
    {
        var current = _mapper.Map(_nextIsAfter ? _answer : _before);
        var diff = StatusDiffer.Diff(_mapped, current, 1, ObservedAt);
        _mapped = current;
        _nextIsAfter = !_nextIsAfter;
        return diff;
    }

    [Benchmark]
    public StatusDiff? WholePollFromScratch() =>
        StatusDiffer.Diff(_previous, AgentViewMapper.ToViews(StatusPayloadParser.Parse(_answer), AgentViewLimits.Default), 1, ObservedAt);
}
