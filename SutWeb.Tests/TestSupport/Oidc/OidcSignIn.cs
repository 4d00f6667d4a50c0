namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>A sign-in the provider granted at its authorization endpoint: who, for which client, with which scopes.</summary>
public sealed record OidcSignIn(string UserName, string ClientId, IReadOnlyList<string> Scopes);
