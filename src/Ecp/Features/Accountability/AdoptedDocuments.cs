using Ecp.Data;
using Ecp.Features.Decisions;
using Ecp.Features.Drafts;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>How "adopted" is known: the document's state is adopted by consensus and a decision of
/// its body closed on it with that outcome; the decision names the adopted version and the year.</summary>
public static class AdoptedDocuments
{
    /// <summary>The adopted document, or null when there is no such document or it is not adopted.</summary>
    public static async Task<AdoptedDocument?> FindAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        var adoption = await (from d in db.Documents
                              where d.Id == documentId && d.State == DocumentState.AdoptedByConsensus
                              join decision in db.Decisions on d.Id equals decision.DocumentId
                              where decision.Outcome == DecisionOutcome.AdoptedByConsensus && decision.ClosedAt != null
                              select new { decision.BodyId, decision.VersionNumber, decision.ClosedAt })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (adoption is null) return null;
        var paragraphs = await (from v in db.Set<DocumentVersion>()
                                where v.DocumentId == documentId && v.Number == adoption.VersionNumber
                                from p in v.Paragraphs
                                select p.Number).ToListAsync(ct);
        return new AdoptedDocument(documentId, adoption.BodyId, adoption.ClosedAt!.Value.UtcDateTime.Year, adoption.VersionNumber, paragraphs.ToHashSet());
    }
}
