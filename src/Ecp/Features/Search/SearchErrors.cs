namespace Ecp.Features.Search;

/// <summary>The search's refusals: a query whose syntax cannot be read is a validation error on "q".</summary>
public static class SearchErrors
{
    public static ValidationError MalformedQuery() => new Validation().Add("q", "Search.Malformed").ToError();
}
