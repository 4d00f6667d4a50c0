using MudBlazor.Services;
using SutWeb.Api;
using SutWeb.Components;
using SutWeb.Components.Styling;
using SutWeb.Configuration;
using SutWeb.Eggplant;
using SutWeb.History;
using SutWeb.Identity;
using SutWeb.Hubs;
using SutWeb.Monitoring;
using SutWeb.Notifications.Delivery;
using SutWeb.Notifications.Rules;
using SutWeb.Operators;
using SutWeb.ScaleOut;
using SutWeb.Security;
using SutWeb.Shared.Hub;
using SutWeb.Simulator;
using SutWeb.Telemetry;

// A bad setting ends the start with its message and exit code 2, not an abort with stack traces.
return SutWeb.Configuration.StartupErrors.Run(args, arguments => Program.BuildApp(arguments));

/// <summary>Composition only: what runs in the host and how requests reach it.</summary>
public partial class Program
{
    /// <param name="configure">Lets tests add configuration or bind an address before the services are composed.</param>
    public static WebApplication BuildApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Fixed so that the host finds its own components and static assets when started by a test runner.
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);

        var simulatorEnabled = SimulatorActivation.IsEnabled(builder.Configuration);
        builder.Services.AddScaleOut(builder.Configuration);
        builder.Services.AddEggplantClient(builder.Configuration);
        if (simulatorEnabled)
        {
            builder.Services.AddEggplantSimulator(builder.Configuration);
            builder.Services.AddSimulatorSignIn();
        }
        builder.Services.AddAgentMonitoring();
        builder.Services.AddHistory(builder.Configuration);
        builder.Services.AddNotificationDelivery(builder.Configuration);
        builder.Services.AddSutWebHealthChecks();
        builder.Services.AddSutWebTelemetry();
        builder.Services.AddSutWebSecurity(builder.Configuration);
        builder.Services.AddOperatorSignIn(builder.Configuration);
        builder.Services.AddOperators(builder.Configuration);
        // Request lines carry query strings, and a wall screen's first request carries the access key.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddStatusHub(builder.Configuration);
        builder.Services.AddMudServices();
        builder.Services.AddScoped<ViewerTime>();
        builder.Services.AddDashboard(builder.Configuration);
        builder.Services.AddNotificationRules(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        var app = builder.Build();
        // Now rather than once started: a mistyped name is a likely cause of a failed start-up validation.
        ActivatorUtilities.CreateInstance<UnknownSettingsReport>(app.Services).Report();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSutWebSecurity();
        app.UseOperatorSignIn();
        app.UseAntiforgery();

        if (simulatorEnabled)
        {
            app.MapEggplantSimulator();
        }
        else
        {
            // With a real Eggplant server, nothing under /simulator exists, whatever the method.
            app.Map("/simulator/{**rest}", () => Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The simulator is disabled: SutWeb is configured with a real Eggplant server.")).AllowAnonymous();
        }
        app.MapHub<StatusHub>(StatusHubContract.Path).RequireCors(SecurityExtensions.AllowedOriginsPolicy);
        app.MapSutWebHealthChecks();
        app.MapSutWebMetrics();
        app.MapSutWebApi();
        app.MapOperatorApi();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
