namespace Ecp.Features.Assessments;

/// <summary>What the composition root registers and maps for assessment rounds.</summary>
public static class AssessmentsFeature
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<OpenAssessmentRound>();
        services.AddScoped<RateDimension>();
        services.AddScoped<CloseAssessmentRound>();
        services.AddScoped<AssessmentQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapAssessmentsApi();
        return app;
    }
}
