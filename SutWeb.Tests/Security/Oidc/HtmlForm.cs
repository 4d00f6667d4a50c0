using System.Net;
using System.Text.RegularExpressions;

namespace SutWeb.Tests.Security.Oidc;

/// <summary>
/// The first form of a page as a browser would submit it, for following the code flow with HttpClient: the
/// provider's login form and OpenIddict's auto-posting form_post page.
/// </summary>
public sealed partial record HtmlForm(Uri Action, IReadOnlyDictionary<string, string> Fields)
{
    public static HtmlForm Parse(string html, Uri page)
    {
        var form = FormTag().Match(html);
        Assert.True(form.Success, $"No form on {page}: {html}");
        var action = Attribute(form.Value, "action") ?? page.ToString();
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            if (Attribute(input.Value, "name") is { } name)
            {
                fields[name] = Attribute(input.Value, "value") ?? "";
            }
        }

        return new HtmlForm(new Uri(page, action), fields);
    }

    public FormUrlEncodedContent With(string name, string value) =>
        new(Fields.Where(field => field.Key != name).Append(KeyValuePair.Create(name, value)));

    public FormUrlEncodedContent AsIs() => new(Fields);

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\s{name}\s*=\s*"([^"]*)"|\s{name}\s*=\s*'([^']*)'""", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : null;
    }

    [GeneratedRegex("<form[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}
