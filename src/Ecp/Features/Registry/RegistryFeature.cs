namespace Ecp.Features.Registry;

/// <summary>What the composition root registers and maps for the registry of Member States, organizations and people, and accreditation.</summary>
public static class RegistryFeature
{
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddScoped<RequestAccreditation>();
        services.AddScoped<ApproveAccreditation>();
        services.AddScoped<RejectAccreditation>();
        services.AddScoped<RegisterOrganization>();
        services.AddSingleton<MemberStateCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapRegistryApi();
        return app;
    }
}
