using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>The secretariat names the organizations of the registry that implement a result: the
/// list given replaces the previous one.</summary>
public sealed class AssignImplementers(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public IReadOnlyList<Guid>? OrganizationIds { get; init; }
    }

    public async Task<Result<TrackedResult>> HandleAsync(Actor actor, Guid resultId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Results.FirstOrDefaultAsync(r => r.Id == resultId, ct) is not { } result) return new ResultNotFound();
        var ids = (command.OrganizationIds ?? []).Distinct().ToList();
        if (ids.Count > TrackedResult.MaxImplementers)
        {
            return new ValidationError([new FieldError(nameof(Command.OrganizationIds), "Result.TooManyImplementers", TrackedResult.MaxImplementers)]);
        }
        var known = await db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (ids.Except(known).Any()) return new ValidationError([new FieldError(nameof(Command.OrganizationIds), "Result.OrganizationUnknown")]);
        var before = await db.ResultImplementers.Where(i => i.ResultId == resultId).ToListAsync(ct);
        db.ResultImplementers.RemoveRange(before.Where(i => !ids.Contains(i.OrganizationId)));
        db.ResultImplementers.AddRange(ids.Where(id => before.All(i => i.OrganizationId != id)).Select(id => new ResultImplementer(resultId, id)));
        result.Touch(clock.GetUtcNow());
        record.Append(actor, ResultActions.ImplementersAssigned, ResultActions.Entity, result.Id.ToString(), new
        {
            resultId = result.Id,
            documentId = result.DocumentId,
            before = before.Select(i => i.OrganizationId).ToList(),
            organizationIds = ids,
        });
        await record.SaveAsync(ct);
        return result;
    }
}
