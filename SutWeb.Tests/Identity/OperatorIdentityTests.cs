using System.Security.Claims;
using SutWeb.Identity;
using SutWeb.Operators;

namespace SutWeb.Tests.Identity;

/// <summary>Who signed in and whether they are an operator, from the ID token's claims as the provider names them.</summary>
public sealed class OperatorIdentityTests
{
    private static readonly OidcOptions Settings = new()
    {
        Authority = "https://login.example.com/",
        ClientId = "sutweb",
        OperatorClaimType = "roles",
        OperatorClaimValue = "sutweb-operator",
    };

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    private static ClaimsPrincipal Signed(ClaimsPrincipal user)
    {
        var identity = (ClaimsIdentity)user.Identity!;
        identity.AddClaims(OperatorIdentity.ClaimsFor(user, Settings, DateTimeOffset.UnixEpoch).ToList());
        return user;
    }

    [Fact]
    public void OperatorIdentity_RoleAmongSeveral_IsAnOperator()
    {
        var user = Signed(User(("sub", "u1"), ("roles", "viewer"), ("roles", "sutweb-operator")));

        Assert.True(OperatorClaims.IsOperator(user));
    }

    [Fact]
    public void OperatorIdentity_RolesAsOneJsonArray_IsAnOperator()
    {
        var user = Signed(User(("sub", "u1"), ("roles", """["viewer","sutweb-operator"]""")));

        Assert.True(OperatorClaims.IsOperator(user));
    }

    [Theory]
    [InlineData("roles", "viewer")]
    [InlineData("roles", "SUTWEB-OPERATOR")]
    [InlineData("groups", "sutweb-operator")]
    [InlineData("roles", "sutweb-operator-light")]
    public void OperatorIdentity_WithoutTheExactClaim_IsNoOperator(string type, string value)
    {
        var user = Signed(User(("sub", "u1"), (type, value)));

        Assert.False(OperatorClaims.IsOperator(user));
        Assert.Null(user.FindFirst(OperatorClaims.Operator));
    }

    [Fact]
    public void OperatorIdentity_Who_IsTheNameThenTheEmailThenTheSubject()
    {
        Assert.Equal("Dana Operator", OperatorClaims.WhoIs(Signed(User(("sub", "u1"), ("email", "dana@example.com"), ("name", "Dana Operator")))));
        Assert.Equal("dana@example.com", OperatorClaims.WhoIs(Signed(User(("sub", "u1"), ("email", "dana@example.com")))));
        Assert.Equal("u1", OperatorClaims.WhoIs(Signed(User(("sub", "u1")))));
    }

    [Fact]
    public void OperatorIdentity_EachSignIn_HasItsOwnSession()
    {
        var first = Signed(User(("sub", "u1")));
        var second = Signed(User(("sub", "u1")));

        Assert.NotNull(OperatorIdentity.SessionOf(first));
        Assert.NotEqual(OperatorIdentity.SessionOf(first), OperatorIdentity.SessionOf(second));
        Assert.Equal(DateTimeOffset.UnixEpoch, OperatorIdentity.SignedInAt(first));
    }

    [Theory]
    [InlineData("/agents/default/agent-07?model=x", "/agents/default/agent-07?model=x")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example.com/", "/")]
    [InlineData("//evil.example.com/", "/")]
    [InlineData("/\\evil.example.com/", "/")]
    [InlineData("agents", "/")]
    public void SignInEndpoints_ReturnUrl_StaysOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalOrHome(returnUrl));
}
