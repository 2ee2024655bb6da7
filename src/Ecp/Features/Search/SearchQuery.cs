using System.Globalization;

namespace Ecp.Features.Search;

/// <summary>The search's read model: parses the query in the caller's language and the others, filters, pages.</summary>
public sealed class SearchQuery(SearchIndex index)
{
    public const int QueryMaxLength = 500;

    public sealed record Request(string? Q, string? Kind, string? Body, string? Consultation, string? Group, string? Language, string? Year, string? Sort, string? Cursor);

    public Result<SearchResults> Run(Request r)
    {
        if (string.IsNullOrWhiteSpace(r.Q)) return new SearchResults(0, [], new Dictionary<string, Dictionary<string, int>>(), null);
        if (r.Q.Length > QueryMaxLength) return new Validation().Add("q", "Validation.TooLong", QueryMaxLength).ToError();
        var offset = 0;
        if (r.Cursor is { } c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > SearchIndex.MaxOffset))
        {
            return new Validation().Add("cursor", "Search.BadCursor").ToError();
        }
        var query = index.Parse(r.Q, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (query is null) return SearchErrors.MalformedQuery();
        var filters = new Dictionary<string, string?>
        {
            ["kind"] = r.Kind, ["body"] = r.Body, ["consultation"] = r.Consultation, ["group"] = r.Group, ["language"] = r.Language, ["year"] = r.Year,
        };
        return index.Search(query, filters, r.Sort == "date", offset);
    }
}
