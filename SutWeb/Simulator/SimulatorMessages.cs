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

    public static EggplantMessage BadRequest(string description) => new() { Message = "Bad Request", Description = description };

    public static EggplantMessage NotFound(string description) => new() { Message = "Not Found", Description = description };

    public static EggplantMessage InternalServerError(string description) =>
        new() { Message = "Internal Server Error", Description = description };
}
