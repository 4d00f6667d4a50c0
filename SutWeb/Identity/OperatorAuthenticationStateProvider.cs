using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace SutWeb.Identity;

/// <summary>
/// A circuit's user, which a Blazor circuit otherwise keeps as it was when it connected: the operator identity goes
/// as soon as its sign-in ends (signing out in any tab ends it in every circuit at once) and, checked every
/// <see cref="RevalidationInterval"/>, when the sign-in reaches <see cref="OidcOptions.MaxLifetime"/>. The access
/// key's identity stays: viewing goes on.
/// </summary>
public sealed class OperatorAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly OperatorSessions _sessions;
    private readonly TimeProvider _time;
    private readonly OidcOptions _options;

    public OperatorAuthenticationStateProvider(
        ILoggerFactory loggerFactory, OperatorSessions sessions, TimeProvider time, IOptions<OidcOptions> options)
        : base(loggerFactory)
    {
        (_sessions, _time, _options) = (sessions, time, options.Value);
        _sessions.Ended += OnSessionEnded;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!IsCurrent(authenticationState.User))
        {
            // Not "invalid" (which would drop the viewer too): only the operator identity goes.
            SetAuthenticationState(Task.FromResult(new AuthenticationState(WithoutOperator(authenticationState.User))));
        }
        return Task.FromResult(true);
    }

    protected override void Dispose(bool disposing)
    {
        _sessions.Ended -= OnSessionEnded;
        base.Dispose(disposing);
    }

    private bool IsCurrent(ClaimsPrincipal user)
    {
        if (OperatorIdentity.SessionOf(user) is not { } session)
        {
            return true;
        }
        var signedInAt = OperatorIdentity.SignedInAt(user);
        return !_sessions.HasEnded(session) && signedInAt is { } at && _time.GetUtcNow() - at < _options.MaxLifetime;
    }

    private async void OnSessionEnded(string session)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (OperatorIdentity.SessionOf(state.User) == session)
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(WithoutOperator(state.User))));
            }
        }
        catch (InvalidOperationException)
        {
            // The circuit never had a user (it had not connected yet): there is nothing to take away.
        }
    }

    private static ClaimsPrincipal WithoutOperator(ClaimsPrincipal user) =>
        new(user.Identities.Where(identity => !identity.HasClaim(claim => claim.Type == OidcDefaults.SessionClaim)));
}
