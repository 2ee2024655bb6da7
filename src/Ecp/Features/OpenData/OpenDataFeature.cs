namespace Ecp.Features.OpenData;

/// <summary>What the composition root maps for the open data: the datasets are static
/// descriptions over the database, so there is nothing to register.</summary>
public static class OpenDataFeature
{
    public static IServiceCollection AddOpenData(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapOpenDataApi();
        return app;
    }
}
