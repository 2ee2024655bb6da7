using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Search;

/// <summary>Visible contributions (not hidden, not withdrawn): their current answers, never the
/// author's name (a name is indexed only where the author consented to be cited).</summary>
public sealed class ContributionSearchSource : ISearchSource
{
    public string Entity => "contribution";

    public async Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct)
    {
        var ids = SearchSourceIds.Guids(entityIds);
        var rows = await db.Contributions.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var consultationIds = rows.Select(r => r.ConsultationId).Distinct().ToList();
        var consultations = await db.Consultations.AsNoTracking().Where(c => consultationIds.Contains(c.Id))
            .Select(c => new { c.Id, c.BodyId, c.Topic }).ToDictionaryAsync(c => c.Id, ct);
        var docs = new Dictionary<string, SearchDocument>();
        foreach (var c in rows)
        {
            if (c.IsHidden || c.Status != Consultations.ContributionStatus.Active) continue;
            if (!consultations.TryGetValue(c.ConsultationId, out var consultation)) continue;
            var text = string.Join("\n", c.Current.Answers.Select(a => a.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
            if (c.ConsentToCite) text = c.AuthorName + "\n" + text;
            docs[c.Id.ToString()] = new SearchDocument(c.Id.ToString(), Entity, c.Current.Language, consultation.Topic, text,
                c.Current.SubmittedAt, consultation.BodyId.ToString(), consultation.Id.ToString(), c.Group.ToCode(),
                $"/consultations/{consultation.Id}#c-{c.Number}");
        }
        return docs;
    }
}
