using Ecp.Data;
using Ecp.Features.Drafts;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>Outcome documents: the document itself (symbol, title, mandate) and each paragraph of its
/// current version, found on its own and linked to its anchor, in the original language and in every
/// language version of that version. Earlier versions are on the document page, not in the results.</summary>
public sealed class DocumentSearchSource : ISearchSource
{
    public const string ParagraphKind = "paragraph";

    public string Entity => "document";

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Symbol, d.Title, d.MandateReferences, d.OriginalLanguage, d.BodyId, d.CreatedAt }).ToListAsync(ct);
        var versions = await db.Set<DocumentVersion>().AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId) && v.Number == db.Set<DocumentVersion>().Where(x => x.DocumentId == v.DocumentId).Max(x => x.Number))
            .ToDictionaryAsync(v => v.DocumentId, ct);
        var versionIds = versions.Values.Select(v => v.Id).ToList();
        var translations = (await db.ParagraphTranslations.AsNoTracking().Where(t => versionIds.Contains(t.VersionId)).ToListAsync(ct))
            .ToLookup(t => t.VersionId);
        var docs = new Dictionary<string, SearchDocument>();
        foreach (var d in documents)
        {
            if (!versions.TryGetValue(d.Id, out var version)) continue;
            var url = $"/documents/{d.Id}";
            var byKey = version.Paragraphs.ToDictionary(p => p.Key);
            var parts = version.Paragraphs.OrderBy(p => p.Ordinal)
                .Select(p => Part(d.Symbol, p, d.OriginalLanguage, p.Text, $"{url}#{Paragraph.Anchor(p.Number)}"))
                .Concat(translations[version.Id].Where(t => byKey.ContainsKey(t.ParagraphKey)).OrderBy(t => t.Language).ThenBy(t => byKey[t.ParagraphKey].Ordinal)
                    .Select(t => Part(d.Symbol, byKey[t.ParagraphKey], t.Language, t.Text,
                        $"{url}?language={t.Language}#{Paragraph.Anchor(byKey[t.ParagraphKey].Number)}")))
                .ToList();
            docs[d.Id.ToString()] = new SearchDocument(d.Id.ToString(), Entity, d.OriginalLanguage, $"{d.Symbol} · {d.Title}",
                string.Join("\n", new[] { d.Title, d.Symbol, d.MandateReferences }.Where(t => !string.IsNullOrWhiteSpace(t))),
                version.CirculatedAt, d.BodyId?.ToString(), Url: url, Versions: parts);
        }
        return docs;
    }

    private static SearchVersion Part(string symbol, Paragraph p, string language, string text, string url)
        => new(language, $"{symbol} ¶{p.Number}", text, url, ParagraphKind, $"{Paragraph.Anchor(p.Number)}@{language}");
}
