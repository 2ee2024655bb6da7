namespace Ecp.Features.Accountability;

/// <summary>What the composition root registers and maps for the results of adopted outcomes.</summary>
public static class AccountabilityFeature
{
    public static IServiceCollection AddAccountability(this IServiceCollection services)
    {
        services.AddScoped<ResultQueries>();
        services.AddScoped<DefineResult>();
        services.AddScoped<UpdateResultStatus>();
        services.AddScoped<AddMilestone>();
        services.AddScoped<CompleteMilestone>();
        services.AddScoped<AssignImplementers>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountability(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapAccountabilityApi();
        return app;
    }
}
