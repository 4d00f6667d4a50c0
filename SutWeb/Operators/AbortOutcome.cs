namespace SutWeb.Operators;

/// <summary>How an abort attempt ended (docs/API.md, operators): each maps to one HTTP status of the API.</summary>
public enum AbortOutcome
{
    /// <summary>202: the run was still the one named and the Eggplant server accepted the abort.</summary>
    AbortRequested,

    /// <summary>404: no such agent on the board.</summary>
    NoSuchAgent,

    /// <summary>409: the agent no longer runs that execution; nothing was sent upstream.</summary>
    NotThatRun,

    /// <summary>429: this operator tried too often.</summary>
    RateLimited,

    /// <summary>502: the Eggplant server refused or failed; <see cref="AbortResult.Error"/> says why, without secrets.</summary>
    UpstreamFailed,
}
