namespace Ecp.Features.Drafts;

/// <summary>A citation of another document's paragraph: "SYMBOL#NUMBER", e.g. "WSIS-05/TUNIS/DOC/6(Rev.1)-E#69".</summary>
public static class Citation
{
    public static bool IsValid(string citation)
        => citation.Split('#') is [var symbol, var number] && DocumentSymbol.IsValid(symbol) && number.Length is > 0 and <= 20;

    /// <summary>The citations as given, trimmed, blanks dropped (a paragraph's, or an amendment's).</summary>
    public static List<string> Clean(IEnumerable<string?>? cites)
        => (cites ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToList();

    public static bool AllValid(IEnumerable<string> cites) => cites.All(IsValid);

    public static (string Symbol, string Number) Parse(string citation)
    {
        var parts = citation.Split('#');
        return (parts[0], parts[1]);
    }
}
