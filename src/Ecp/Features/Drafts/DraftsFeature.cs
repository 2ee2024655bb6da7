namespace Ecp.Features.Drafts;

/// <summary>What the composition root registers and maps for draft outcome documents, amendments and comments.</summary>
public static class DraftsFeature
{
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddScoped<DraftDocument>();
        services.AddScoped<ProposeAmendment>();
        services.AddScoped<DecideAmendment>();
        services.AddScoped<CirculateVersion>();
        services.AddScoped<CommentOnParagraph>();
        services.AddScoped<AddLanguageVersion>();
        services.AddScoped<DocumentQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapDraftsApi();
        return app;
    }
}
