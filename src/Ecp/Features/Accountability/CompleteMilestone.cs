using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>The secretariat marks a milestone done, on a stated date (today by default).</summary>
public sealed class CompleteMilestone(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public DateOnly? DoneOn { get; init; }
    }

    public async Task<Result<Milestone>> HandleAsync(Actor actor, Guid resultId, Guid milestoneId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Results.Include(r => r.Milestones).FirstOrDefaultAsync(r => r.Id == resultId, ct) is not { } result) return new ResultNotFound();
        var now = clock.GetUtcNow();
        var done = result.CompleteMilestone(milestoneId, command.DoneOn ?? DateOnly.FromDateTime(now.UtcDateTime), now);
        if (!done.IsSuccess) return done;
        record.Append(actor, ResultActions.MilestoneCompleted, ResultActions.Entity, result.Id.ToString(), new
        {
            resultId = result.Id,
            documentId = result.DocumentId,
            milestoneId,
            doneOn = done.Value.DoneOn,
        });
        await record.SaveAsync(ct);
        return done;
    }
}
