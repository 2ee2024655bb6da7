namespace Ecp.Features.Decisions;

/// <summary>What the composition root registers and maps for decisions by consensus.</summary>
public static class DecisionsFeature
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddScoped<OpenDecision>();
        services.AddScoped<StatePosition>();
        services.AddScoped<StateAdvisoryView>();
        services.AddScoped<CloseDecision>();
        services.AddScoped<DecisionQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapDecisionsApi();
        return app;
    }
}
