using Ecp.Data;
using Ecp.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>Consultations once opened (a draft is the secretariat's, not public): topic, description
/// and questions; and the secretariat's synthesis, once published, found on its own. Neither has a
/// declared language: analysed as English, the language the secretariat writes them in.</summary>
public sealed class ConsultationSearchSource : ISearchSource
{
    public const string SynthesisKind = "synthesis";

    public string Entity => "consultation";

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var consultations = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Phase != ConsultationPhase.Draft).ToListAsync(ct);
        var syntheses = await db.Set<Synthesis>().AsNoTracking().Where(s => ids.Contains(s.ConsultationId))
            .Select(s => new { s.ConsultationId, s.Markdown, s.PublishedAt }).ToDictionaryAsync(s => s.ConsultationId, ct);
        var docs = new Dictionary<string, SearchDocument>();
        foreach (var c in consultations)
        {
            var url = $"/consultations/{c.Id}";
            var text = string.Join("\n", new[] { c.Topic, c.Description }.Concat(c.Questions.OrderBy(q => q.Number).Select(q => q.Text))
                .Where(t => !string.IsNullOrWhiteSpace(t)));
            IReadOnlyList<SearchVersion> parts = syntheses.TryGetValue(c.Id, out var s)
                ? [new SearchVersion("en", c.Topic, s.Markdown, url + "#synthesis", SynthesisKind, SynthesisKind)]
                : [];
            docs[c.Id.ToString()] = new SearchDocument(c.Id.ToString(), Entity, "en", c.Topic, text, c.OpensAt, c.BodyId.ToString(),
                c.Id.ToString(), Url: url, Versions: parts);
        }
        return docs;
    }
}
