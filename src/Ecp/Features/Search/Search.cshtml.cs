using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ecp.Features.Search;

/// <summary>The search page: a GET form (no JavaScript), facet links, highlighted snippets (the
/// snippet is HTML-escaped by the index except for its &lt;mark&gt; elements).</summary>
public sealed class SearchModel(SearchQuery search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public SearchResults? Results { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
        var outcome = search.Run(new SearchQuery.Request(Q, Kind, null, null, Group, null, null, Sort, Cursor));
        if (outcome.Error is ValidationError v) Error = v.Fields[0].MessageKey;
        else if (outcome.Error is null) Results = outcome.Value;
    }

    /// <summary>The kinds the page names; a facet value outside them is shown as its code.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["contribution", "document", "paragraph", "consultation", "synthesis", "report", "issue", "organization", "person", "record"];

    public string Link(string? group, string? cursor = null) => Link(Kind, group, cursor);

    public string Link(string? kind, string? group, string? cursor)
        => QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["kind"] = kind, ["group"] = group, ["sort"] = Sort, ["cursor"] = cursor }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var qs ? "/search" + qs : "/search";
}
