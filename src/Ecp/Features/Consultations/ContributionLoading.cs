using Ecp.Data;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

internal static class ContributionLoading
{
    /// <summary>A contribution, tracked, with the consultation whose clock decides whether it may still change.</summary>
    public static async Task<(Contribution? Contribution, Consultation? Consultation)> ContributionWithConsultationAsync(
        this AppDbContext db, Guid contributionId, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId, ct);
        var consultation = contribution is null ? null : await db.Consultations.SingleAsync(c => c.Id == contribution.ConsultationId, ct);
        return (contribution, consultation);
    }
}
