using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SutWeb.Components;

namespace SutWeb.Tests.Components;

/// <summary>The dashboard's settings: bound from "Dashboard", with defaults, and refused with a message naming the setting.</summary>
public sealed class DashboardOptionsTests
{
    [Fact]
    public void AddDashboard_NoSettings_UsesTheDefaults()
    {
        var options = Resolve([]);

        Assert.Equal(TimeSpan.FromHours(2), options.StuckAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), options.DisconnectedRetention);
        Assert.Equal(200, options.MaxDepartedRows);
    }

    [Fact]
    public void AddDashboard_Settings_AreBound()
    {
        var options = Resolve(new() { ["Dashboard:StuckAfter"] = "00:45:00", ["Dashboard:DisconnectedRetention"] = "00:00:30" });

        Assert.Equal(TimeSpan.FromMinutes(45), options.StuckAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DisconnectedRetention);
    }

    [Theory]
    [InlineData("Dashboard:StuckAfter", "00:00:00", "Dashboard:StuckAfter must be positive")]
    [InlineData("Dashboard:DisconnectedRetention", "-00:00:01", "Dashboard:DisconnectedRetention must not be negative")]
    [InlineData("Dashboard:MaxDepartedRows", "-1", "Dashboard:MaxDepartedRows must not be negative")]
    public void AddDashboard_BadSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static DashboardOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddDashboard(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DashboardOptions>>().Value;
    }
}
