using System.Text;
using System.Text.Encodings.Web;

namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>
/// The provider's login form: a user name field and "Sign in", posting back to the authorization endpoint with the
/// request's own parameters as hidden fields, so the provider keeps no session and every sign-in picks a user.
/// </summary>
public static class OidcLoginPage
{
    /// <summary>The form field that names the user; the authorization endpoint reads it from the posted request.</summary>
    public const string UserNameField = "username";

    public static string Render(string action, IEnumerable<KeyValuePair<string, string?>> parameters, string? error)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test identity provider</title></head><body>");
        page.Append("<main><h1>Test identity provider</h1>");
        if (error is not null)
        {
            page.Append("<p role=\"alert\">").Append(html.Encode(error)).Append("</p>");
        }

        page.Append("<form method=\"post\" action=\"").Append(html.Encode(action)).Append("\">");
        foreach (var (name, value) in parameters)
        {
            page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(name))
                .Append("\" value=\"").Append(html.Encode(value ?? "")).Append("\">");
        }

        page.Append("<label for=\"username\">User name</label> ");
        page.Append("<input id=\"username\" name=\"").Append(UserNameField).Append("\" autocomplete=\"username\" required> ");
        page.Append("<button type=\"submit\">Sign in</button></form></main></body></html>");
        return page.ToString();
    }
}
