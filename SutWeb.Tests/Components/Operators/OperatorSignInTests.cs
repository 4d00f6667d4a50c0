using System.Security.Claims;
using Bunit;
using SutWeb.Components.Operators;
using SutWeb.Identity;
using SutWeb.Operators;

namespace SutWeb.Tests.Components.Operators;

/// <summary>The app bar's "Sign in", only when OpenID Connect is configured; signed in, the person's name and "Sign out".</summary>
public sealed class OperatorSignInTests : DashboardTestContext
{
    private static readonly Dictionary<string, string?> Configured = new()
    {
        ["Security:Oidc:Authority"] = "https://login.example.com/",
        ["Security:Oidc:ClientId"] = "sutweb",
    };

    private IRenderedComponent<OperatorSignIn> RenderSignIn(bool configured)
    {
        Services.Configure<OidcOptions>(o =>
        {
            o.Authority = configured ? Configured["Security:Oidc:Authority"] : null;
            o.ClientId = "sutweb";
        });
        return Render<OperatorSignIn>();
    }

    [Fact]
    public void OperatorSignIn_NotConfigured_ShowsNothing()
    {
        AddAuthorization().SetNotAuthorized();

        var cut = RenderSignIn(configured: false);

        Assert.Empty(cut.FindAll("[data-testid=signin]"));
        Assert.Empty(cut.FindAll("[data-testid=signout]"));
    }

    [Fact]
    public void OperatorSignIn_ConfiguredNotSignedIn_OffersSignInThatComesBackHere()
    {
        AddAuthorization().SetNotAuthorized();
        var cut = RenderSignIn(configured: true);
        Navigation.NavigateTo("/agents/default/agent-07");

        cut.Find("[data-testid=signin]").Click();

        Assert.Equal("Sign in", cut.Find("[data-testid=signin]").TextContent.Trim());
        Assert.Equal("http://localhost/signin?returnUrl=%2Fagents%2Fdefault%2Fagent-07", Navigation.Uri);
    }

    [Fact]
    public void OperatorSignIn_OnlyTheAccessKey_StillOffersSignIn()
    {
        // The access key is not an operator identity: its holder is "authenticated" but not signed in.
        AddAuthorization().SetAuthorized("access key holder");

        var cut = RenderSignIn(configured: true);

        Assert.NotNull(cut.Find("[data-testid=signin]"));
        Assert.Empty(cut.FindAll("[data-testid=operator-name]"));
    }

    [Fact]
    public void OperatorSignIn_SignedIn_ShowsTheNameAndASignOutFormWithAnAntiforgeryToken()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("Dana <Operator>");
        authorization.SetClaims(new Claim(OperatorClaims.Who, "Dana <Operator>"), new Claim(OidcDefaults.SessionClaim, "s1"));

        var cut = RenderSignIn(configured: true);

        Assert.Equal("Dana <Operator>", cut.Find("[data-testid=operator-name]").TextContent);
        Assert.Contains("Dana &lt;Operator&gt;", cut.Markup, StringComparison.Ordinal);
        var form = cut.Find("[data-testid=signout-form]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/signout", form.GetAttribute("action"));
        // The token itself comes from the host's antiforgery service (bUnit has none): the component must be in the form.
        Assert.NotNull(cut.FindComponent<Microsoft.AspNetCore.Components.Forms.AntiforgeryToken>());
        Assert.Equal("Sign out", cut.Find("[data-testid=signout]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=signin]"));
    }

    [Fact]
    public void OperatorSignIn_SignedInOperator_LinksToTheAuditTrailByName()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("olivia");
        authorization.SetClaims(new Claim(OperatorClaims.Who, "olivia"), new Claim(OperatorClaims.Operator, "true"), new Claim(OidcDefaults.SessionClaim, "s1"));

        var cut = RenderSignIn(configured: true);

        // The word on wider screens, the icon (named by its label) on a phone: both say "Audit" and go to /audit.
        var button = cut.Find("a[data-testid=nav-audit]");
        Assert.Equal("Audit", button.TextContent.Trim());
        var icon = cut.Find("a[data-testid=nav-audit-icon]");
        Assert.Equal("Audit", icon.GetAttribute("aria-label"));
        Assert.All([button, icon], link => Assert.Equal("audit", link.GetAttribute("href")));
    }

    [Fact]
    public void OperatorSignIn_SignedInWithoutTheOperatorClaim_NoAuditLink()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("victor");
        authorization.SetClaims(new Claim(OperatorClaims.Who, "victor"), new Claim(OidcDefaults.SessionClaim, "s2"));

        var cut = RenderSignIn(configured: true);

        Assert.Equal("victor", cut.Find("[data-testid=operator-name]").TextContent);
        Assert.Empty(cut.FindAll("[href=audit]"));
    }
}
