using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>The secretariat changes a result's status and, for a leaf, its progress, saying why:
/// who and why stand on the record.</summary>
public sealed class UpdateResultStatus(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>not-started, in-progress, completed, delayed or discontinued.</summary>
        public string? Status { get; init; }
        /// <summary>0-100, for a result without children; a parent's progress rolls up.</summary>
        public int? Progress { get; init; }
        public string? Reason { get; init; }
    }

    public async Task<Result<TrackedResult>> HandleAsync(Actor actor, Guid resultId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (await db.Results.FirstOrDefaultAsync(r => r.Id == resultId, ct) is not { } result) return new ResultNotFound();
        var status = Codes.Parse<ResultStatus>(command.Status);
        if (command.Status is not null && status is null) return new ValidationError([new FieldError(nameof(Command.Status), "Result.StatusUnknown")]);
        var hasChildren = await db.Results.AnyAsync(r => r.ParentId == resultId, ct);
        var before = new { status = result.Status.ToCode(), progress = result.Progress };
        if (result.Update(status, command.Progress, command.Reason, hasChildren, clock.GetUtcNow()) is { } invalid) return invalid;
        record.Append(actor, ResultActions.StatusUpdated, ResultActions.Entity, result.Id.ToString(), new
        {
            resultId = result.Id,
            documentId = result.DocumentId,
            before,
            status = result.Status.ToCode(),
            progress = result.Progress,
            reason = command.Reason!.Trim(),
        });
        await record.SaveAsync(ct);
        return result;
    }
}
