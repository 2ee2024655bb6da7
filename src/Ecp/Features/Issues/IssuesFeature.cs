namespace Ecp.Features.Issues;

/// <summary>What the composition root registers and maps for the issue map and the scope of ¶69.</summary>
public static class IssuesFeature
{
    public static IServiceCollection AddIssues(this IServiceCollection services)
    {
        services.AddScoped<IssueQueries>();
        services.AddScoped<AssessScope>();
        services.AddScoped<ProposeMappingChange>();
        services.AddScoped<DecideMappingProposal>();
        services.AddScoped<AddIssue>();
        services.AddScoped<RenameIssue>();
        services.AddScoped<MergeIssue>();
        services.AddScoped<RetireIssue>();
        services.AddScoped<TagWithIssue>();
        services.AddScoped<UntagIssue>();
        return services;
    }

    public static IEndpointRouteBuilder MapIssues(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapIssuesApi();
        return app;
    }
}
