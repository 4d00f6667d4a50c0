using SutWeb.Components.History;

namespace SutWeb.Notifications.Rules;

/// <summary>Where a message points on the board: <c>Dashboard:PublicUrl</c> and the agent's page, or the board itself.</summary>
public static class NotificationLinks
{
    /// <returns>Null when <paramref name="publicUrl"/> is not set: SutWeb cannot know how receivers reach it.</returns>
    public static string? For(string? publicUrl, string source, string? agentName)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            return null;
        }
        var board = publicUrl.Trim().TrimEnd('/') + "/";
        return agentName is null ? board : board + HistoryLinks.Agent(source, agentName);
    }
}
