using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Assessments;

/// <summary>The secretariat closes a round: its results stand as they are.</summary>
public sealed class CloseAssessmentRound(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public async Task<Result<AssessmentRound>> HandleAsync(Actor actor, Guid roundId, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var round = await db.AssessmentRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new AssessmentNotFound();
        var closed = round.Close(clock.GetUtcNow());
        if (!closed.IsSuccess) return closed;
        record.Append(actor, AssessmentActions.Closed, "assessment", round.Id.ToString(), new
        {
            roundId = round.Id,
            number = round.Number,
            ratings = round.Ratings.Count(),
        });
        await record.SaveAsync(ct);
        return round;
    }
}
