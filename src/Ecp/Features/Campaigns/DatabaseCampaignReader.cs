using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Campaigns;

/// <summary>The stored groups, read through the indexes: (consultation, exact key) and (consultation, band hash).</summary>
public sealed class DatabaseCampaignReader(AppDbContext db) : ICampaignReader
{
    public Task<Guid?> ExactGroupAsync(Guid consultation, long exactKey, CancellationToken ct)
        => db.Set<CampaignMember>().AsNoTracking().Where(m => m.ConsultationId == consultation && m.ExactKey == exactKey)
            .Select(m => (Guid?)m.GroupId).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<CampaignCandidate>> CandidatesAsync(Guid consultation, IReadOnlyCollection<long> bandHashes, int max, CancellationToken ct)
    {
        var hashes = bandHashes.ToList();
        var ids = db.Set<CampaignBand>().Where(b => b.ConsultationId == consultation && hashes.Contains(b.Hash)).Select(b => b.ContributionId).Distinct().OrderBy(id => id).Take(max);
        return await db.Set<CampaignMember>().AsNoTracking().Where(m => ids.Contains(m.ContributionId))
            .Select(m => new CampaignCandidate(m.ContributionId, m.GroupId, m.Signature)).ToListAsync(ct);
    }
}
