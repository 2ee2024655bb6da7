using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Assessments;

/// <summary>An accredited participant rates one dimension of an open round, 1 to 5, with an optional comment.</summary>
public sealed class RateDimension(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>The dimension's code, e.g. "equal-footing".</summary>
        public string? Dimension { get; init; }
        /// <summary>1 (not at all) to 5 (fully).</summary>
        public int? Score { get; init; }
        public string? Comment { get; init; }
    }

    public async Task<Result<Rating>> HandleAsync(Actor actor, Guid roundId, Command command, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return new UnauthenticatedError();
        await record.BeginAsync(ct);
        var round = await db.AssessmentRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new AssessmentNotFound();
        var previous = round.StandingRatingOf(actor, command.Dimension);
        var rated = round.Rate(actor, command.Dimension, command.Score, command.Comment, clock.GetUtcNow());
        if (!rated.IsSuccess) return rated;
        var rating = rated.Value;
        record.Append(actor, AssessmentActions.RatingRecorded, "assessment", round.Id.ToString(), new
        {
            roundId = round.Id,
            ratingId = rating.Id,
            dimension = rating.DimensionCode,
            score = rating.Score,
            comment = rating.Comment,
            stakeholderGroup = rating.StakeholderGroup.ToCode(),
            memberState = rating.MemberStateCode,
            replaces = previous?.Id,
        });
        await record.SaveAsync(ct);
        return rating;
    }
}
