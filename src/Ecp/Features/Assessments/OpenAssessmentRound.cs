using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Assessments;

/// <summary>The secretariat opens the next assessment round, on its own dimensions or the default set.</summary>
public sealed class OpenAssessmentRound(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Title { get; init; }
        public DateTimeOffset? ClosesAt { get; init; }
        /// <summary>Leave out for the default dimensions.</summary>
        public IReadOnlyList<AssessmentRound.DimensionInput>? Dimensions { get; init; }
    }

    public async Task<Result<AssessmentRound>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        // Under the record's lock: two rounds opened at once cannot take the same number.
        var number = (await db.AssessmentRounds.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var opened = AssessmentRound.Open(number, command.Title, command.ClosesAt, command.Dimensions, clock.GetUtcNow());
        if (!opened.IsSuccess) return opened;
        var round = opened.Value;
        db.AssessmentRounds.Add(round);
        record.Append(actor, AssessmentActions.Opened, "assessment", round.Id.ToString(), new
        {
            roundId = round.Id,
            number = round.Number,
            title = round.Title,
            closesAt = round.ClosesAt,
            dimensions = round.Dimensions.Select(d => new { code = d.Code, position = d.Position, name = d.Name }).ToArray(),
        });
        await record.SaveAsync(ct);
        return round;
    }
}
