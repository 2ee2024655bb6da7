using Ecp.Features.Notifications;

namespace Ecp.Features.AnnualReports;

/// <summary>What the composition root registers and maps for annual performance reports (Tunis Agenda ¶71).</summary>
public static class AnnualReportsFeature
{
    public static IServiceCollection AddAnnualReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OpenReportingCycle>();
        services.AddScoped<GrantExtension>();
        services.AddScoped<SaveReportDraft>();
        services.AddScoped<SubmitReport>();
        services.AddScoped<ReviseReport>();
        services.AddScoped<AddReportLanguageVersion>();
        services.AddScoped<CloseReportingCycle>();
        services.AddScoped<PublishCompilation>();
        services.AddScoped<ReportQueries>();
        // The request, the reminders and the overdue notice by e-mail, in each reporter's language.
        services.AddScoped<ReportMail>();
        services.AddBackgroundMail<ReportNotifications>(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapAnnualReports(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapAnnualReportsApi();
        return app;
    }
}
