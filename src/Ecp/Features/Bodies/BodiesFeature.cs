namespace Ecp.Features.Bodies;

/// <summary>What the composition root registers and maps for the bodies that negotiate.</summary>
public static class BodiesFeature
{
    public static IServiceCollection AddBodies(this IServiceCollection services)
    {
        services.AddScoped<EstablishBody>();
        return services;
    }

    public static IEndpointRouteBuilder MapBodies(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapBodiesApi();
        return app;
    }
}
