using Ecp.Data;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Search;

/// <summary>Registration of search: the node's index (Ecp:Search:IndexPath, default "search-index"
/// beside the SQLite file or in the content root's data directory), its projection, the sources.</summary>
public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new SearchIndex(IndexPath(configuration, sp.GetRequiredService<IWebHostEnvironment>(), sp.GetRequiredService<IOptions<EcpOptions>>().Value.Database)));
        services.AddSingleton<SearchProjection>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchProjection>());
        services.AddSingleton<SearchQuery>();
        services.AddSearchSource<ContributionSearchSource>();
        services.AddSearchSource<OrganizationSearchSource>();
        services.AddSearchSource<ReportSearchSource>();
        services.AddSearchSource<IssueSearchSource>();
        return services;
    }

    /// <summary>One kind of document for the search: see <see cref="ISearchSource"/>.</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource
        => services.AddSingleton<ISearchSource, T>();

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapSearchApi();
        return app;
    }

    private static string IndexPath(IConfiguration configuration, IWebHostEnvironment env, string database)
    {
        if (configuration["Ecp:Search:IndexPath"] is { Length: > 0 } configured) return configured;
        if (Data.Database.ProviderOf(database) == Data.DatabaseProvider.Sqlite && Path.GetDirectoryName(Path.GetFullPath(database)) is { } dir)
        {
            return Path.Combine(dir, "search-index");
        }
        return Path.Combine(env.ContentRootPath, "data", "search-index");
    }
}
