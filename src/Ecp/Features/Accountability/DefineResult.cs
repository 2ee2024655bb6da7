using Ecp.Common;
using Ecp.Data;
using Ecp.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Accountability;

/// <summary>The secretariat defines a result derived from an adopted document, or one paragraph of
/// its adopted version, optionally under a parent result of the same document.</summary>
public sealed class DefineResult(AppDbContext db, PublicRecord record, TimeProvider clock)
{
    public sealed record Command
    {
        public Guid? DocumentId { get; init; }
        /// <summary>A paragraph number of the adopted version ("6"); none for the whole document.</summary>
        public string? Paragraph { get; init; }
        public string? Title { get; init; }
        public string? Description { get; init; }
        public Guid? ParentId { get; init; }
    }

    public async Task<Result<TrackedResult>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.UnlessSecretariat() is { } denied) return denied;
        await record.BeginAsync(ct);
        if (command.DocumentId is not { } documentId) return new ValidationError([new FieldError(nameof(Command.DocumentId), "Validation.Required")]);
        if (!await db.Documents.AnyAsync(d => d.Id == documentId, ct)) return new ValidationError([new FieldError(nameof(Command.DocumentId), "Result.DocumentNotFound")]);
        if (await AdoptedDocuments.FindAsync(db, documentId, ct) is not { } document) return new DocumentNotAdopted();
        TrackedResult? parent = null;
        if (command.ParentId is { } parentId && (parent = await db.Results.FirstOrDefaultAsync(r => r.Id == parentId, ct)) is null)
        {
            return new ValidationError([new FieldError(nameof(Command.ParentId), "Result.ParentNotFound")]);
        }
        var defined = TrackedResult.Define(document, command.Paragraph, command.Title, command.Description, parent, clock.GetUtcNow());
        if (!defined.IsSuccess) return defined;
        var result = defined.Value;
        db.Results.Add(result);
        record.Append(actor, ResultActions.Defined, ResultActions.Entity, result.Id.ToString(), new
        {
            resultId = result.Id,
            documentId = result.DocumentId,
            version = result.AdoptedVersion,
            paragraph = result.Paragraph,
            title = result.Title,
            description = result.Description,
            parentId = result.ParentId,
        });
        await record.SaveAsync(ct);
        return result;
    }
}
