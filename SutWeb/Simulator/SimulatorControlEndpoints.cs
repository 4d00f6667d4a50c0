using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SutWeb.Shared.Wire;

namespace SutWeb.Simulator;

/// <summary>
/// The control API of docs/API.md section 2 under <c>/simulator/control</c> (an instance's under <c>/simulator/{id}/control</c>):
/// JSON in and out, never faulted.
/// </summary>
internal static class SimulatorControlEndpoints
{
    private static readonly SimulatorControlJsonContext Json = SimulatorControlJsonContext.Default;

    public static void Map(IEndpointRouteBuilder simulator)
    {
        var control = simulator.MapGroup("/control");
        control.MapGet("/agents", (SimulatorState state) => Results.Bytes(state.Agents.ToJsonArray(), "application/json"));
        control.MapPut("/agents/{agentName}", PutAgentAsync);
        control.MapDelete("/agents/{agentName}", (string agentName, SimulatorState state) =>
            state.Agents.Remove(agentName) ? Results.NoContent() : NotFound($"No agent is named {agentName}."));
        control.MapPut("/activity", SetActivityAsync);
        control.MapPut("/fault", SetFaultAsync);
        control.MapPut("/tokens", SetTokensAsync);
        control.MapGet("/stats", (SimulatorState state) => Results.Json(state.Counters.Snapshot(), Json.SimulatorStats));
        control.MapPost("/reset", (SimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
    }

    /// <summary>Stores the body exactly as given; only a missing or null <c>agent_name</c> is filled in from the path.</summary>
    private static async Task<IResult> PutAgentAsync(string agentName, HttpRequest request, SimulatorState state)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is not JsonObject agent)
        {
            return BadRequest("The body must be one agent object in the wire format.");
        }
        switch (agent["agent_name"])
        {
            case null:
                agent.Remove("agent_name");
                agent.Insert(0, "agent_name", agentName);
                break;
            case JsonValue name when name.TryGetValue<string>(out var text) && text == agentName:
                break;
            default:
                return BadRequest($"agent_name in the body must be the name in the path: {agentName}.");
        }
        // Serialized before the store owns the object, since an abort may change it afterwards.
        var stored = agent.ToJsonString();
        return state.Agents.TryPut(agentName, agent)
            ? Results.Content(stored, "application/json")
            : Conflict($"The simulator already holds its most agents ({state.Agents.MaxAgents}, Simulator:MaxAgents): delete one first.");
    }

    private static async Task<IResult> SetActivityAsync(HttpRequest request, SimulatorState state)
    {
        if (await ReadAsync(request, Json.SimulatorActivitySetting) is not { Running: { } running })
        {
            return BadRequest("Expected {\"running\": true} or {\"running\": false}.");
        }
        state.SetActivityRunning(running);
        return Results.Json(new SimulatorActivitySetting(running), Json.SimulatorActivitySetting);
    }

    private static async Task<IResult> SetFaultAsync(HttpRequest request, SimulatorState state)
    {
        if (await ReadAsync(request, Json.SimulatorFaultSetting) is not { Kind: not null } setting)
        {
            return BadRequest("Expected {\"kind\": \"none\"} or another fault kind, with \"delayMs\" for \"slow\".");
        }
        if (SimulatorFault.FromSetting(setting, out var error) is not { } fault)
        {
            return BadRequest(error);
        }
        state.SetFault(fault);
        return Results.Json(fault.ToSetting(), Json.SimulatorFaultSetting);
    }

    private static async Task<IResult> SetTokensAsync(HttpRequest request, SimulatorState state)
    {
        var max = (int)SimulatorOptionsValidator.MaxTokenLifetime.TotalSeconds;
        if (await ReadAsync(request, Json.SimulatorTokenSetting) is not { LifetimeSeconds: { } seconds } || seconds < 1 || seconds > max)
        {
            return BadRequest($"Expected {{\"lifetimeSeconds\": n}} with n between 1 and {max}.");
        }
        state.SetTokenLifetime(TimeSpan.FromSeconds(seconds));
        return Results.Json(new SimulatorTokenSetting(seconds), Json.SimulatorTokenSetting);
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadRequest(string description) =>
        Results.Json(SimulatorMessages.BadRequest(description), EggplantJsonContext.Default.EggplantMessage, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Conflict(string description) =>
        Results.Json(SimulatorMessages.Conflict(description), EggplantJsonContext.Default.EggplantMessage, statusCode: StatusCodes.Status409Conflict);

    private static IResult NotFound(string description) =>
        Results.Json(SimulatorMessages.NotFound(description), EggplantJsonContext.Default.EggplantMessage, statusCode: StatusCodes.Status404NotFound);
}
