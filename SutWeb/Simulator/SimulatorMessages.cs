using SutWeb.Shared.Wire;

namespace SutWeb.Simulator;

/// <summary>The <c>{"message", "description"}</c> bodies the simulator answers with, in Eggplant's wording where it has one.</summary>
internal static class SimulatorMessages
{
    public static readonly EggplantMessage NotAuthorized = new()
    {
        Message = "Not Authorized",
        Description = "The credentials you provided are not valid.",
    };

    public static readonly EggplantMessage AbortTriggered = new()
    {
        Message = "OK",
        Description = "Execution abort triggered",
    };

    public static readonly EggplantMessage NoLicenceFree = new()
    {
        Message = "Forbidden",
        Description = "No concurrent user licence is free.",
    };

    public static EggplantMessage PayloadTooLarge(long maxBytes) =>
        new() { Message = "Payload Too Large", Description = $"The request body is larger than the simulator accepts ({maxBytes} bytes)." };

    public static EggplantMessage Conflict(string description) => new() { Message = "Conflict", Description = description };

    public static EggplantMessage BadRequest(string description) => new() { Message = "Bad Request", Description = description };

    public static EggplantMessage NotFound(string description) => new() { Message = "Not Found", Description = description };

    public static EggplantMessage InternalServerError(string description) =>
        new() { Message = "Internal Server Error", Description = description };
}
