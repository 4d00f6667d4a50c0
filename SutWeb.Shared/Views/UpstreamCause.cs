using System.Text.Json.Serialization;

namespace SutWeb.Shared.Views;

/// <summary>Why the last poll failed, so that a view can say what to do about it (docs/API.md section 3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpstreamCause>))]
public enum UpstreamCause
{
    /// <summary>No connection: refused, reset, or the host name does not resolve.</summary>
    Network,
    /// <summary>No whole answer within <c>Eggplant:RequestTimeout</c>, or a poll still waiting for one.</summary>
    Timeout,
    /// <summary>An HTTP error status (5xx, a redirect…) that is neither a refusal nor a wrong address.</summary>
    HttpError,
    /// <summary>The sign-in URL is not an Eggplant sign-in (404, 405, or 400 with an HTML page): the base URL is wrong.</summary>
    WrongAddress,
    /// <summary>An answer that is not the expected JSON.</summary>
    Unreadable,
    /// <summary>An answer over the configured cap.</summary>
    TooLarge,
    /// <summary>The sign-in was refused: user name and password, or client id and secret.</summary>
    Credentials,
    /// <summary>The server has no free concurrent user licence.</summary>
    Licence,
    /// <summary>A freshly issued token was refused by the status API: the account lacks access to it.</summary>
    TokenRefused,
}
