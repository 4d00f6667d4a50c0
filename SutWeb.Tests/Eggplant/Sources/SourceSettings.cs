using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;

namespace SutWeb.Tests.Eggplant.Sources;

/// <summary>Binds and validates the Eggplant settings as SutWeb does, from flat key-value pairs.</summary>
internal static class SourceSettings
{
    public static EggplantOptions Bind(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new ProductionEnvironment());
        services.AddOptions<EggplantOptions>().Bind(configuration.GetSection(EggplantOptions.Section));
        services.AddSingleton<IValidateOptions<EggplantOptions>, EggplantOptionsValidator>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EggplantOptions>>().Value;
    }

    /// <summary>The failures of a configuration that must not start; fails the test if it would.</summary>
    public static IReadOnlyList<string> Failures(params (string Key, string? Value)[] settings) =>
        Assert.Throws<OptionsValidationException>(() => Bind(settings)).Failures.ToList();

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "SutWeb";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
