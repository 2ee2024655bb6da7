using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;

namespace Ecp.Features.Consultations;

/// <summary>The author withdraws their contribution until the consultation closes; it stays on the
/// record and is counted apart.</summary>
public sealed class WithdrawContribution(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<Contribution>> HandleAsync(Actor actor, Guid contributionId, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } personId) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var (contribution, consultation) = await db.ContributionWithConsultationAsync(contributionId, ct);
        if (contribution is null) return new ContributionNotFound();
        var withdrawn = contribution.Withdraw(consultation!, personId, clock.GetUtcNow());
        if (!withdrawn.IsSuccess) return withdrawn;
        contribution.AppendVersionTo(record, actor, ConsultationActions.ContributionWithdrawn);
        await record.SaveAsync(ct);
        return contribution;
    }
}
