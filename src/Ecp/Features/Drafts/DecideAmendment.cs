using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Drafts;

/// <summary>The Chair accepts, rejects or merges an amendment, always with a reason.</summary>
public sealed class DecideAmendment(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        /// <summary>"accept", "reject" or "merge".</summary>
        public string? Decision { get; init; }
        public string? Reason { get; init; }
        /// <summary>The Chair's text, when merging.</summary>
        public string? MergedText { get; init; }
    }

    public async Task<Result<Amendment>> HandleAsync(Actor actor, Guid amendmentId, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        var amendment = await db.Amendments.FirstOrDefaultAsync(a => a.Id == amendmentId, ct);
        if (amendment is null) return new AmendmentNotFound();
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == amendment.DocumentId, ct);
        if (document.AcceptsChanges() is { } closed) return closed;
        var decision = command.Decision switch
        {
            "accept" => AmendmentStatus.Accepted,
            "reject" => AmendmentStatus.Rejected,
            "merge" => AmendmentStatus.Merged,
            _ => (AmendmentStatus?)null,
        };
        if (decision is null) return new ValidationError([new FieldError(nameof(Command.Decision), "Amendment.DecisionInvalid")]);
        var check = new Validation().MaxLength(nameof(Command.Reason), command.Reason, 2000).MaxLength(nameof(Command.MergedText), command.MergedText, Amendment.TextMaxLength);
        if (!check.IsValid) return check.ToError();

        var decided = amendment.Decide(decision.Value, command.Reason, command.MergedText, clock.GetUtcNow());
        if (!decided.IsSuccess) return decided;
        record.Append(actor, DocumentActions.AmendmentDecided(decision.Value), "amendment", amendment.Id.ToString(), new
        {
            amendmentId = amendment.Id,
            documentId = amendment.DocumentId,
            reason = amendment.DecisionReason,
            mergedText = amendment.MergedText,
        });
        await record.SaveAsync(ct);
        return amendment;
    }
}
