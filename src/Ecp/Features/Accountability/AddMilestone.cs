using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>The secretariat adds a dated milestone to a result.</summary>
public sealed class AddMilestone(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public string? Title { get; init; }
        public DateOnly? DueOn { get; init; }
    }

    public async Task<Result<Milestone>> HandleAsync(Actor actor, Guid resultId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Results.Include(r => r.Milestones).FirstOrDefaultAsync(r => r.Id == resultId, ct) is not { } result) return new ResultNotFound();
        var added = result.AddMilestone(command.Title, command.DueOn, clock.GetUtcNow());
        if (!added.IsSuccess) return added;
        var milestone = added.Value;
        db.Milestones.Add(milestone);
        record.Append(actor, ResultActions.MilestoneAdded, ResultActions.Entity, result.Id.ToString(), new
        {
            resultId = result.Id,
            documentId = result.DocumentId,
            milestoneId = milestone.Id,
            title = milestone.Title,
            dueOn = milestone.DueOn,
        });
        await record.SaveAsync(ct);
        return milestone;
    }
}
