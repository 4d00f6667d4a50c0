namespace SutWeb.Identity;

/// <summary>Where <see cref="OidcOptions"/> sits in the "Security" section, for the unknown-settings report.</summary>
public sealed class OidcSection
{
    public OidcOptions? Oidc { get; set; }
}
