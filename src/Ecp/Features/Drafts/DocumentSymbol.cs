using System.Text.RegularExpressions;

namespace Ecp.Features.Drafts;

/// <summary>
/// Document symbols in the forms the process uses. UN: a body prefix (A/, E/, E/CN.16/, TD/ …)
/// then "/"-separated parts, with /RES/, /L.n, /CRP.n, /INF/n and revisions /Rev.1, /Add.1,
/// /Corr.1 — "A/RES/70/125", "E/CN.16/2015/CRP.2". ITU: "WTPF-13/16(Rev.1)",
/// "Resolution 102 (Rev. Busan, 2014)". WSIS: "WSIS-05/TUNIS/DOC/6(Rev.1)-E".
/// </summary>
public static partial class DocumentSymbol
{
    public static bool IsValid(string? symbol) => symbol is not null && symbol.Length <= 100
        && (UnSymbol().IsMatch(symbol) || ItuMeetingDocument().IsMatch(symbol) || ItuResolution().IsMatch(symbol) || WsisSymbol().IsMatch(symbol));

    // Prefix: A, E, S, TD, ST, UNEP … optionally with a subsidiary body (CN.16, HRC); then parts of
    // letters, digits and dots; revision parts last.
    [GeneratedRegex(@"^(A|E|S|TD|ST|UNEP|UNCTAD)(/(CN\.\d+|HRC|C\.\d+|AC\.\d+))?(/(RES|L\.\d+|CRP\.\d+|INF(/\d+)?|\d{1,4}|[A-Z]{1,5}(\.(\d+|[IVXLC]+))?|[A-Z]?\d+(\.\d+)?))+(/(Rev|Add|Corr)\.\d+)*$")]
    private static partial Regex UnSymbol();

    [GeneratedRegex(@"^[A-Z]{2,8}-\d{2}/\d{1,4}(\((Rev|Add|Corr)\.\d+\))*(-[A-Z])?$")]
    private static partial Regex ItuMeetingDocument();

    [GeneratedRegex(@"^(Resolution|Opinion|Recommendation|Decision) \d{1,4}( \((Rev\. )?[A-Z][\p{L} -]+, \d{4}\)| \([A-Z]{2,8}-\d{2}\))?$")]
    private static partial Regex ItuResolution();

    [GeneratedRegex(@"^WSIS-\d{2}/[A-Z]+/DOC/\d+(\((Rev|Add|Corr)\.\d+\))?-[A-Z]$")]
    private static partial Regex WsisSymbol();
}
