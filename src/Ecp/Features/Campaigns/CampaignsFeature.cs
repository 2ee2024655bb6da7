namespace Ecp.Features.Campaigns;

/// <summary>Registration of campaign detection: the projection (cluster-wide, under its lease) and its reads.</summary>
public static class CampaignsFeature
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CampaignQueries>();
        services.AddSingleton<CampaignProjection>();
        if (configuration.GetValue("Ecp:Campaigns:Follow", true)) services.AddHostedService(sp => sp.GetRequiredService<CampaignProjection>());
        return services;
    }

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapCampaignsApi();
        return app;
    }
}
