using System.Text.Json.Serialization;

namespace SutWeb.Shared.Views;

/// <summary>How the Eggplant server answers the poller (docs/API.md section 3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpstreamState>))]
public enum UpstreamState
{
    Starting,
    Healthy,
    Degraded,
    Unreachable,
    Unauthorized,
}
