namespace Ecp.Features.Cli;

/// <summary>What the composition root registers for the command-line verbs: the demo data, loaded through the use cases.</summary>
public static class CliFeature
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoData>();
        services.AddScoped<DemoDrafts>();
        services.AddScoped<DemoConsultations>();
        services.AddScoped<DemoIssues>();
        services.AddScoped<DemoResults>();
        services.AddScoped<DemoReports>();
        services.AddScoped<DemoAssessments>();
        services.AddScoped<DemoMeetings>();
        return services;
    }
}
