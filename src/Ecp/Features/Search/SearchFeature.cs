using Ecp.Data;
using Microsoft.Extensions.Options;

namespace Ecp.Features.Search;

/// <summary>Registration of search: the node's index (Ecp:Search:IndexPath; by default beside the
/// SQLite file and named after it, "ecp.db.search-index", so two databases in one directory never
/// share an index; else the content root's data/search-index), its projection, the sources.</summary>
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
        services.AddSearchSource<DocumentSearchSource>();
        services.AddSearchSource<ConsultationSearchSource>();
        services.AddSearchSource<PersonSearchSource>();
        services.AddSearchSource<RecordSearchSource>();
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
            return Path.Combine(dir, Path.GetFileName(database) + ".search-index");
        }
        return Path.Combine(env.ContentRootPath, "data", "search-index");
    }
}
