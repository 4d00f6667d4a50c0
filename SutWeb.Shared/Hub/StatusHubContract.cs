namespace SutWeb.Shared.Hub;

/// <summary>Names of the public push API, in one place for the server and its .NET clients.</summary>
public static class StatusHubContract
{
    public const string Path = "/hubs/status";
    public const string GetSnapshot = "GetSnapshot";
    public const string Diff = "Diff";
    public const string Health = "Health";
}
