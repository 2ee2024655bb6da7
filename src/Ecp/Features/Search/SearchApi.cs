using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Search;

/// <summary>The /api/v1/search endpoint: public, read-only.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Results<Ok<SearchResults>, ProblemHttpResult> (string? q, string? kind, string? body, string? consultation, string? group,
                string? language, string? year, string? sort, string? cursor, SearchQuery search, IStringLocalizer<SharedResource> l) =>
                search.Run(new SearchQuery.Request(q, kind, body, consultation, group, language, year, sort, cursor)).ToHttpResult(r => TypedResults.Ok(r), l))
            .WithTags("Search").WithName("Search")
            .WithSummary("Full-text search of everything public, in the six UN languages (kind: contribution, document, paragraph, consultation, synthesis, report, issue, organization, person who consented to be named, record entry): words, \"phrases\", +required, -excluded, prefix*; filters kind, body, consultation, group, language, year with counts per value; sort=relevance|date; 20 a page, cursor= the previous page's next.");
        return api;
    }
}
