namespace SutWeb.Identity;

/// <summary>Names of the operator sign-in: its schemes, cookie, claims of its own and endpoints.</summary>
public static class OidcDefaults
{
    /// <summary>The operator's ticket, apart from the access key's cookie (that one is not an identity).</summary>
    public const string CookieScheme = "SutWeb.Operator";

    public const string ChallengeScheme = "SutWeb.Oidc";

    public const string CookieName = "sutweb_operator";

    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    /// <summary>
    /// Where the provider's redirects end: a page that moves on by itself, because a navigation that came from another
    /// site carries no SameSite=Strict cookie (the access key's), and the board would answer 401 until reloaded.
    /// </summary>
    public const string ReturnPath = "/signin/return";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>One sign-in, so that signing out can end it in every open circuit.</summary>
    public const string SessionClaim = "sutweb_session";

    /// <summary>When the sign-in began (Unix seconds): the cap on its whole life counts from here, not from the last renewal.</summary>
    public const string SignedInAtClaim = "sutweb_signed_in_at";
}
