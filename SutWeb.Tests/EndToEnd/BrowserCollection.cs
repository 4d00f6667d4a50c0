namespace SutWeb.Tests.EndToEnd;

/// <summary>The tests that share one browser (<see cref="BrowserFixture"/>); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
