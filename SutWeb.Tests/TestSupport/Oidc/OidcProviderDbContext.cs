using Microsoft.EntityFrameworkCore;

namespace SutWeb.Tests.TestSupport.Oidc;

/// <summary>OpenIddict's own entities (client, codes, tokens) on an in-memory SQLite connection that lives as long as the provider.</summary>
public sealed class OidcProviderDbContext(DbContextOptions<OidcProviderDbContext> options) : DbContext(options);
