namespace Ecp.Features.Drafts;

/// <summary>What the record carries of a version: its full public text, so the record alone
/// can rebuild every circulated version.</summary>
internal static class DocumentPayloads
{
    public static object Version(DocumentVersion v) => new
    {
        number = v.Number,
        label = v.Label,
        incorporatedAmendments = v.IncorporatedAmendmentIds,
        paragraphs = v.Paragraphs.OrderBy(p => p.Ordinal).Select(p => new
        {
            number = p.Number,
            kind = p.Kind,
            level = p.Level,
            key = p.Key,
            text = p.Text,
            cites = p.Cites,
        }).ToArray(),
    };
}
